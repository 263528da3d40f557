<%-- Not the configured prefix: no handler renders this page. --%>
<p>${greeting}</p> <!-- ok: java/web/xss -->
