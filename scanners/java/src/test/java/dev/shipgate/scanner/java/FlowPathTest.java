package dev.shipgate.scanner.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FlowStep;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class FlowPathTest {

  @Test
  void findingCarriesPathFromSourceThroughHelperToSink() throws IOException {
    String code = """
        package p;
        import javax.servlet.http.HttpServletRequest;
        class C {
          java.sql.Statement st;
          void handle(HttpServletRequest req) throws Exception {
            String id = req.getParameter("id");
            String q = build(id);
            run(q);
          }
          String build(String v) {
            return "SELECT * FROM t WHERE id = " + v;
          }
          void run(String sql) throws Exception {
            st.executeQuery(sql);
          }
        }
        """;
    List<Finding> findings = ScanSupport.findings(ScanSupport.file("p/C.java", code));
    assertThat(findings).hasSize(1);
    Finding f = findings.get(0);
    assertThat(f.ruleId()).isEqualTo("java/injection/sql");
    assertThat(f.location().startLine()).isEqualTo(14);
    List<FlowStep> flow = f.flow();
    assertThat(flow.get(0).location().startLine()).as("source").isEqualTo(6);
    assertThat(flow.get(0).message()).contains("HTTP request parameter");
    assertThat(flow.get(flow.size() - 1).location().startLine()).as("sink").isEqualTo(14);
    assertThat(flow).extracting(s -> s.location().startLine()).contains(7, 8, 11);
    assertThat(flow).allSatisfy(s -> assertThat(s.location().path()).isEqualTo("p/C.java"));
    assertThat(f.snippet()).isEqualTo("st.executeQuery(sql);");
    assertThat(f.confidence()).as("sink resolved through imports").isEqualTo(dev.shipgate.core.model.Confidence.HIGH);
  }

  @Test
  void flowAcrossFilesPointsIntoTheCalleeFile() throws IOException {
    String controller = """
        package p;
        class Controller {
          Dao dao;
          void get(javax.servlet.http.HttpServletRequest r) throws Exception {
            dao.delete(r.getHeader("X-Id"));
          }
        }
        """;
    String dao = """
        package p;
        class Dao {
          java.sql.Connection c;
          void delete(String id) throws Exception {
            c.createStatement().execute("DELETE FROM t WHERE id = " + id);
          }
        }
        """;
    List<Finding> findings = ScanSupport.findings(ScanSupport.file("p/Controller.java", controller),
        ScanSupport.file("p/Dao.java", dao));
    assertThat(findings).singleElement().satisfies(f -> {
      assertThat(f.location().path()).isEqualTo("p/Dao.java");
      assertThat(f.flow().get(0).location().path()).isEqualTo("p/Controller.java");
      assertThat(f.flow().get(f.flow().size() - 1).location().path()).isEqualTo("p/Dao.java");
    });
  }

  @Test
  void aFactoryReturningTheSanitizingImplementationIsClean() throws IOException {
    String code = """
        package p;
        class Factory {
          interface Cleaner { String clean(String v); }
          static class Plain implements Cleaner { public String clean(String v) { return v; } }
          static class Digits implements Cleaner { public String clean(String v) { return Long.toString(Long.parseLong(v)); } }
          static Cleaner create() { return new Digits(); }
          void h(javax.servlet.http.HttpServletRequest r) throws Exception {
            Runtime.getRuntime().exec(create().clean(r.getParameter("q")));
          }
        }
        """;
    assertThat(ScanSupport.findings(ScanSupport.file("p/Factory.java", code))).isEmpty();
    String plain = code.replace("return new Digits();", "return new Plain();");
    assertThat(ScanSupport.findings(ScanSupport.file("p/Factory.java", plain)))
        .extracting(f -> f.ruleId()).containsExactly("java/injection/command");
  }

  @Test
  void anAiServiceDeclaredInOneFileAndCreatedInAnotherStartsTheFlowAtItsCall() throws IOException {
    String service = """
        package p;
        interface Planner {
          String plan(String goal);
        }
        """;
    String wiring = """
        package p;
        import dev.langchain4j.service.AiServices;
        class Wiring {
          Planner planner(dev.langchain4j.model.chat.ChatModel model) {
            return AiServices.builder(Planner.class).chatModel(model).build();
          }
        }
        """;
    String user = """
        package p;
        class Runner {
          Planner planner;
          void run() throws Exception {
            String step = planner.plan("clean the disk");
            Runtime.getRuntime().exec(step);
          }
        }
        """;
    List<Finding> findings = ScanSupport.findings(ScanSupport.file("p/Planner.java", service),
        ScanSupport.file("p/Wiring.java", wiring), ScanSupport.file("p/Runner.java", user));
    assertThat(findings).extracting(Finding::ruleId, f -> f.location().startLine())
        .containsExactly(org.assertj.core.groups.Tuple.tuple("java/injection/command", 6));
    assertThat(findings.get(0).flow().get(0).message()).contains("LLM response (LangChain4j AI service)");
    assertThat(findings.get(0).flow().get(0).location().startLine()).isEqualTo(5);
  }
}
