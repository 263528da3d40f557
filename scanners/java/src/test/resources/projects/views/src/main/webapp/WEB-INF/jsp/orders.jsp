<%@ page contentType="text/html;charset=UTF-8" %>
<%@ taglib prefix="c" uri="http://java.sun.com/jsp/jstl/core" %>
<%@ taglib prefix="fn" uri="http://java.sun.com/jsp/jstl/functions" %>
<%-- JSP does not escape EL in template text or in HTML attributes: ${note} here is a comment. --%>
<html>
<body>
  <h1>${title}</h1> <!-- ok: java/web/xss -->
  <p>${note}</p> <!-- expect: java/web/xss -->
  <p>${fn:escapeXml(note)}</p> <!-- ok: java/web/xss -->
  <p><c:out value="${note}"/></p> <!-- ok: java/web/xss -->
  <p><c:out value="${note}" escapeXml="false"/></p> <!-- expect: java/web/xss -->
  <c:if test="${not empty note}"><span>has a note</span></c:if> <!-- ok: java/web/xss -->
  <a href="/orders?note=${requestScope.note}">again</a> <!-- expect: java/web/xss -->
  <p><%= request.getAttribute("note") %></p> <!-- expect: java/web/xss -->
  <p><%= request.getAttribute("title") %></p> <!-- ok: java/web/xss -->
  <p>${count}</p> <!-- ok: java/web/xss -->
  <p>You searched for ${param.q}</p> <!-- expect: java/web/xss -->
  <p><%= request.getParameter("q") %></p> <!-- expect: java/web/xss -->
  <p><%= org.owasp.encoder.Encode.forHtml(request.getParameter("q")) %></p> <!-- ok: java/web/xss -->
  <% String local = "x"; %>
</body>
</html>
