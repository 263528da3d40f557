package dev.shipgate.scanner.java.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.TreeScanner;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.java.taint.Models;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JavaProjectTest {

  private static JavaProject project(SourceFile... files) {
    JavaFrontEnd.ParseResult r = JavaFrontEnd.parse(List.of(files), 2);
    assertThat(r.problems()).isEmpty();
    return JavaProject.build(r.units(), Models.loadDefault());
  }

  /** Every call in {@code method} of {@code type}, resolved, in source order. */
  private static List<ResolvedCall> calls(JavaProject p, String type, String method) {
    MethodInfo m = p.type(type).methods().stream().filter(x -> x.name().equals(method)).findFirst().orElseThrow();
    MethodScope scope = p.scope(m);
    List<ResolvedCall> out = new ArrayList<>();
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree node, Void v) {
        super.visitMethodInvocation(node, v);
        out.add(p.resolveCall(scope, node));
        return null;
      }
    }.scan(m.body(), null);
    return out;
  }

  @Test
  void resolvesImportsAnnotationsAndDeclaringTypesOfCalls() {
    JavaProject p = project(SourceFile.of("a/Web.java", """
        package a;
        import java.sql.*;
        import org.springframework.web.bind.annotation.GetMapping;
        import org.springframework.web.bind.annotation.RequestParam;
        import static java.util.Objects.requireNonNull;
        @org.springframework.web.bind.annotation.RestController
        class Web {
          Connection c;
          @GetMapping("/x")
          String get(@RequestParam String q) throws SQLException {
            Statement st = c.createStatement();
            st.executeQuery(q);
            java.nio.file.Files.readString(java.nio.file.Path.of(q));
            requireNonNull(q);
            return helper(q);
          }
          String helper(String s) { return s; }
        }
        """));
    TypeInfo web = p.type("a.Web");
    assertThat(web.unit().imports()).containsExactly("java.sql.*", "org.springframework.web.bind.annotation.GetMapping",
        "org.springframework.web.bind.annotation.RequestParam", "static java.util.Objects.requireNonNull");
    assertThat(web.annotations()).containsExactly("org.springframework.web.bind.annotation.RestController");
    MethodInfo get = web.methods().get(0);
    assertThat(get.annotations()).containsExactly("org.springframework.web.bind.annotation.GetMapping");
    assertThat(get.paramAnnotations().get(0)).containsExactly("org.springframework.web.bind.annotation.RequestParam");
    assertThat(get.paramTypes()).containsExactly("java.lang.String");

    List<ResolvedCall> calls = calls(p, "a.Web", "get");
    assertThat(calls).extracting(c -> c.declaringType() + "#" + c.name()).containsExactly(
        "java.sql.Connection#createStatement",
        "java.sql.Statement#executeQuery",
        "java.nio.file.Path#of",
        "java.nio.file.Files#readString",
        "java.util.Objects#requireNonNull",
        "a.Web#helper");
    assertThat(calls.get(0).returnType()).isEqualTo("java.sql.Statement");
    assertThat(calls.get(3).staticReceiver()).isTrue();
    assertThat(calls.get(5).targets()).extracting(MethodInfo::name).containsExactly("helper");
    assertThat(calls).allSatisfy(c -> assertThat(c.exact()).isTrue());
  }

  @Test
  void unknownTypesDegradeToSimpleNamesThatStillMatchModels() {
    JavaProject p = project(SourceFile.of("b/NoImports.java", """
        package b;
        class NoImports {
          void h(HttpServletRequest r, Mystery m) {
            r.getParameter("x");
            m.run();
            unknownLocal.call();
          }
        }
        """));
    List<ResolvedCall> calls = calls(p, "b.NoImports", "h");
    assertThat(calls).extracting(ResolvedCall::declaringType).containsExactly("HttpServletRequest", "Mystery", null);
    assertThat(calls).extracting(ResolvedCall::exact).containsExactly(false, false, false);
    assertThat(p.isSubtype("HttpServletRequest", "javax.servlet.ServletRequest")).isTrue();
  }

  @Test
  void callsOnAnInterfaceDispatchToEveryRepositoryImplementation() {
    JavaProject p = project(
        SourceFile.of("c/Store.java", "package c;\npublic interface Store { void save(String s); }\n"),
        SourceFile.of("c/DbStore.java", "package c;\nclass DbStore implements Store { public void save(String s) {} }\n"),
        SourceFile.of("c/FileStore.java", "package c;\nclass FileStore extends DbStore { public void save(String s) {} }\n"),
        SourceFile.of("c/User.java", "package c;\nclass User { Store store; void m() { store.save(\"x\"); } }\n"));
    ResolvedCall call = calls(p, "c.User", "m").get(0);
    assertThat(call.declaringType()).isEqualTo("c.Store");
    assertThat(call.targets()).extracting(m -> m.owner().name()).containsExactly("c.DbStore", "c.FileStore");
    assertThat(p.subtypes("c.Store")).extracting(TypeInfo::name).containsExactly("c.DbStore", "c.FileStore");
  }

  @Test
  void nestedAnonymousAndLocalTypesAreIndexedWithTheirSupertypes() {
    JavaProject p = project(SourceFile.of("d/Outer.java", """
        package d;
        class Outer {
          static class Inner implements Runnable { public void run() {} }
          Object make() {
            return new javax.net.ssl.HostnameVerifier() {
              public boolean verify(String h, javax.net.ssl.SSLSession s) { return true; }
            };
          }
        }
        """));
    assertThat(p.type("d.Outer.Inner").supertypes()).containsExactly("java.lang.Runnable");
    TypeInfo anon = p.types().stream().filter(TypeInfo::isAnonymous).findFirst().orElseThrow();
    assertThat(anon.supertypes()).containsExactly("javax.net.ssl.HostnameVerifier");
    assertThat(anon.methods()).extracting(MethodInfo::name).containsExactly("verify");
    assertThat(anon.outer().name()).isEqualTo("d.Outer");
  }

  @Test
  void callSitesListCallsAndConstructorsInSourceOrderWithTheirLines() {
    JavaProject p = project(SourceFile.of("e/Client.java", """
        package e;
        import java.net.HttpURLConnection;
        import java.net.URL;
        class Client {
          Object get(String u) throws Exception {
            HttpURLConnection c = (HttpURLConnection) new URL(u)
                .openConnection();
            Runnable r = () -> System.out.println(c);
            return c.getInputStream();
          }
        }
        """));
    MethodInfo get = p.type("e.Client").methods().get(0);
    assertThat(p.calls(get)).extracting(c -> c.call().declaringType() + "#" + c.call().name() + "@" + c.line())
        .containsExactly("java.net.URL#<init>@6", "java.net.URL#openConnection@7", "java.io.PrintStream#println@8",
            "java.net.HttpURLConnection#getInputStream@9");
  }

  @Test
  void parsingIsDeterministicAndSortedByPathWhateverTheInputOrder() {
    SourceFile a = SourceFile.of("z/A.java", "package z; class A {}");
    SourceFile b = SourceFile.of("a/B.java", "package a; class B {}");
    SourceFile broken = SourceFile.of("m/C.java", "package m; class C {");
    JavaFrontEnd.ParseResult r1 = JavaFrontEnd.parse(List.of(a, b, broken), 1);
    JavaFrontEnd.ParseResult r2 = JavaFrontEnd.parse(List.of(broken, b, a), 2);
    assertThat(r1.units()).extracting(JavaUnit::path).containsExactly("a/B.java", "z/A.java");
    assertThat(r2.units()).extracting(JavaUnit::path).containsExactly("a/B.java", "z/A.java");
    assertThat(r1.problems()).isEqualTo(r2.problems());
    assertThat(r1.problems()).singleElement().satisfies(pr -> assertThat(pr.path()).isEqualTo("m/C.java"));
  }
}
