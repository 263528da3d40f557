package dev.shipgate.scanner.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Model attributes filled from the request and written unescaped by the Thymeleaf template of the handler's view. */
class ThymeleafTest {

  private static final String CONTROLLER = """
      package web;
      import org.springframework.stereotype.Controller;
      import org.springframework.ui.Model;
      import org.springframework.web.bind.annotation.GetMapping;
      import org.springframework.web.bind.annotation.ModelAttribute;
      import org.springframework.web.bind.annotation.PostMapping;
      import org.springframework.web.bind.annotation.RequestParam;
      import org.springframework.web.servlet.ModelAndView;
      import org.springframework.web.util.HtmlUtils;

      @Controller
      class ProfileController {
        @GetMapping("/profile")
        String profile(@RequestParam String bio, @RequestParam int age, Model model) {
          model.addAttribute("bio", bio);
          model.addAttribute("motto", "Be kind");
          model.addAttribute("age", age);
          return "profile";
        }

        @GetMapping("/profile/safe")
        String safeProfile(@RequestParam String bio, Model model) {
          model.addAttribute("bio", HtmlUtils.htmlEscape(bio));
          return "profile";
        }

        @GetMapping("/card")
        ModelAndView card(@RequestParam String note) {
          ModelAndView mv = new ModelAndView("users/card");
          mv.addObject("note", note);
          return mv;
        }

        @PostMapping("/comments")
        String comment(@ModelAttribute("comment") Comment comment) {
          return "comments/show";
        }

        @PostMapping("/comments/saved")
        String saved(@RequestParam String bio, Model model) {
          model.addAttribute("bio", bio);
          return "redirect:/profile";
        }
      }

      class Comment {
        private String text;
        public String getText() { return text; }
      }
      """;

  private static final String PROFILE = """
      <html xmlns:th="http://www.thymeleaf.org">
      <body>
        <p th:utext="${bio}">bio</p>
        <p th:text="${bio}">bio, escaped</p>
        <p th:utext="${motto}">motto</p>
        <p th:utext="${age}">age</p>
      </body>
      </html>
      """;

  private static final String CARD = """
      <div>
        <span>[(${note})]</span>
        <span>[[${note}]]</span>
      </div>
      """;

  private static final String COMMENT = """
      <article data-th-utext="${comment.text}">text</article>
      """;

  @Test
  void attributesFromTheRequestAreReportedWhereTheTemplateWritesThemUnescaped() throws IOException {
    List<Finding> findings = ScanSupport.findings(ScanSupport.file("src/main/java/web/ProfileController.java", CONTROLLER),
        ScanSupport.file("src/main/resources/templates/profile.html", PROFILE),
        ScanSupport.file("src/main/resources/templates/users/card.html", CARD),
        ScanSupport.file("src/main/resources/templates/comments/show.html", COMMENT));
    assertThat(findings).extracting(f -> f.ruleId() + " " + f.location().path() + ":" + f.location().startLine())
        .containsExactly("java/web/xss src/main/resources/templates/comments/show.html:1",
            "java/web/xss src/main/resources/templates/profile.html:3",
            "java/web/xss src/main/resources/templates/users/card.html:2");
    Finding bio = findings.get(1);
    assertThat(bio.flow()).extracting(s -> s.location().path() + ":" + s.location().startLine())
        .containsExactly("src/main/java/web/ProfileController.java:14", "src/main/java/web/ProfileController.java:15",
            "src/main/resources/templates/profile.html:3");
    assertThat(bio.flow().get(1).message()).contains("`bio`", "view `profile`");
  }

  @Test
  void attributesAddedByAHelperTheModelIsHandedToCountForTheHandlersView() throws IOException {
    String controller = """
        package web;
        import org.springframework.ui.Model;
        @org.springframework.stereotype.Controller
        class Pages {
          private final Decorator decorator = new Decorator();
          @org.springframework.web.bind.annotation.GetMapping("/p")
          String page(@org.springframework.web.bind.annotation.RequestParam String bio, Model model) {
            decorator.fill(model, bio, "Be kind");
            return "profile";
          }
        }
        class Decorator {
          void fill(Model model, String bio, String motto) {
            model.addAttribute("bio", bio);
            model.addAttribute("motto", motto);
          }
        }
        """;
    List<Finding> findings = ScanSupport.findings(ScanSupport.file("src/main/java/web/Pages.java", controller),
        ScanSupport.file("src/main/resources/templates/profile.html", PROFILE));
    assertThat(findings).extracting(f -> f.location().path() + ":" + f.location().startLine())
        .containsExactly("src/main/resources/templates/profile.html:3");
    assertThat(findings.get(0).flow()).extracting(s -> s.message())
        .anySatisfy(m -> assertThat(m).contains("put into the model by `Decorator.fill`"));
  }

  @Test
  void aViewWithoutItsTemplateInTheTreeIsNotJudged() throws IOException {
    assertThat(ScanSupport.findings(ScanSupport.file("src/main/java/web/ProfileController.java", CONTROLLER))).isEmpty();
  }

  @Test
  void aRestControllerReturningATemplateNameWritesTheNameNotTheTemplate() throws IOException {
    String rest = """
        package web;
        @org.springframework.web.bind.annotation.RestController
        class Api {
          @org.springframework.web.bind.annotation.GetMapping(value = "/p", produces = "application/json")
          String p(@org.springframework.web.bind.annotation.RequestParam String bio, org.springframework.ui.Model model) {
            model.addAttribute("bio", bio);
            return "profile";
          }
        }
        """;
    assertThat(ScanSupport.findings(ScanSupport.file("src/main/java/web/Api.java", rest),
        ScanSupport.file("src/main/resources/templates/profile.html", PROFILE))).isEmpty();
  }
}
