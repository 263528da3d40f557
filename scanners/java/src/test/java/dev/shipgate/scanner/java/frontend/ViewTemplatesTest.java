package dev.shipgate.scanner.java.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.shipgate.core.scan.SourceFile;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hostile view templates: unterminated constructs and many nested blocks stay linear and find what is there. */
class ViewTemplatesTest {

  @Test
  void manyUnclosedFreeMarkerBlocksStayLinear() {
    String text = "<#noautoesc>".repeat(100_000) + "${bio}".repeat(100_000);
    List<ViewTemplates.Unescaped> out = assertTimeoutPreemptively(Duration.ofSeconds(5),
        () -> ViewTemplates.unescaped(SourceFile.of("templates/a.ftlh", text)));
    assertThat(out).hasSize(100_000).allSatisfy(u -> assertThat(u.variables()).containsExactly("bio"));
  }

  @Test
  void unterminatedJspConstructsEndTheScan() {
    for (String tail : List.of("<a href=\"", "<%= request.getAttribute(\"x\")", "<%-- open", "${note", "<c:out value=\"${x}\"")) {
      String text = "<p>${note}</p>\n" + "<b x='1'>".repeat(50_000) + tail;
      List<ViewTemplates.Unescaped> out = assertTimeoutPreemptively(Duration.ofSeconds(5),
          () -> ViewTemplates.unescaped(SourceFile.of("WEB-INF/jsp/a.jsp", text)));
      assertThat(out).as(tail).first().satisfies(u -> assertThat(u.variables()).containsExactly("note"));
    }
  }

  @Test
  void jspElReadsAttributesNotFunctionsOrImplicitObjects() {
    List<ViewTemplates.Unescaped> out = ViewTemplates.unescaped(SourceFile.of("WEB-INF/jsp/b.jsp",
        "${fn:length(items) > 0 ? header.host : requestScope.title}"));
    assertThat(out).singleElement().satisfies(u -> {
      assertThat(u.variables()).containsExactlyInAnyOrder("items", "title");
      assertThat(u.readsRequest()).isTrue();
    });
  }
}
