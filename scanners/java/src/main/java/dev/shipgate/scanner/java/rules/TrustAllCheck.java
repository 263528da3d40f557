package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import dev.shipgate.scanner.java.taint.Reporter;
import java.util.List;

/**
 * TLS verification switched off: an X509TrustManager whose checkServerTrusted accepts every chain (an
 * empty body), a HostnameVerifier whose verify always returns true (class, anonymous class or lambda), or
 * the HTTP client libraries' own switches (Apache NoopHostnameVerifier, TrustAllStrategy,
 * TrustSelfSignedStrategy, a TrustStrategy lambda returning true; Netty InsecureTrustManagerFactory).
 */
public final class TrustAllCheck implements JavaCheck {

  static final Rule TRUST_ALL = Rule.builder("java/tls/trust-all-certificates", "java")
      .title("TrustManager accepts every certificate")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-295")
      .tags("owasp-top10:A02:2021", "asvs:4.0.3-9.2.1")
      .description("checkServerTrusted returns without checking anything, so any certificate, including an attacker's,"
          + " is accepted and TLS no longer protects the connection.")
      .fix("Delete the custom TrustManager and use the default one; to trust a private CA, load it into a KeyStore"
          + " and build the TrustManagerFactory from that.")
      .build();

  static final Rule ANY_HOST = Rule.builder("java/tls/permissive-hostname-verifier", "java")
      .title("HostnameVerifier accepts every host")
      .severity(Severity.HIGH)
      .confidence(Confidence.HIGH)
      .cwe("CWE-297")
      .tags("owasp-top10:A02:2021", "asvs:4.0.3-9.2.1")
      .description("verify always returns true, so a valid certificate for any host is accepted for this one and a"
          + " man in the middle can impersonate the server.")
      .fix("Remove the custom HostnameVerifier and keep the default verification.")
      .build();

  @Override
  public List<Rule> rules() {
    return List.of(TRUST_ALL, ANY_HOST);
  }

  @Override
  public void checkType(TypeInfo type, JavaProject project, Reporter reporter) {
    boolean trustManager = isA(type, project, "javax.net.ssl.X509TrustManager");
    boolean verifier = isA(type, project, "javax.net.ssl.HostnameVerifier");
    if (!trustManager && !verifier) {
      return;
    }
    for (MethodInfo m : type.methods()) {
      if (trustManager && m.name().equals("checkServerTrusted") && m.hasBody()
          && ((BlockTree) m.body()).getStatements().isEmpty()) {
        reporter.report(TRUST_ALL, m.tree(), "checkServerTrusted in " + type.simpleName() + " accepts every certificate", null);
      }
      if (verifier && m.name().equals("verify") && m.paramNames().size() == 2 && m.hasBody()
          && returnsTrue((BlockTree) m.body())) {
        reporter.report(ANY_HOST, m.tree(), "verify in " + type.simpleName() + " accepts every host name", null);
      }
    }
  }

  /**
   * Library objects that switch verification off, by their documented names: Apache HttpClient's
   * NoopHostnameVerifier / ALLOW_ALL_HOSTNAME_VERIFIER, TrustAllStrategy and TrustSelfSignedStrategy (any
   * self-signed certificate, including an attacker's), Netty's InsecureTrustManagerFactory.
   */
  private static String libraryShortcut(ExpressionTree arg) {
    String name = arg instanceof NewClassTree n && n.getArguments().isEmpty() ? simple(n.getIdentifier().toString())
        : arg instanceof MemberSelectTree ms ? simple(ms.getExpression().toString()) + "." + ms.getIdentifier() : null;
    if (name == null) {
      return null;
    }
    return switch (name) {
      case "NoopHostnameVerifier", "NoopHostnameVerifier.INSTANCE", "SSLConnectionSocketFactory.ALLOW_ALL_HOSTNAME_VERIFIER" ->
          "Apache HttpClient's NoopHostnameVerifier";
      case "TrustAllStrategy", "TrustAllStrategy.INSTANCE", "TrustSelfSignedStrategy", "TrustSelfSignedStrategy.INSTANCE" ->
          "Apache HttpClient's " + name.replace(".INSTANCE", "");
      case "InsecureTrustManagerFactory.INSTANCE" -> "Netty's InsecureTrustManagerFactory";
      default -> null;
    };
  }

  private static String simple(String name) {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  private static boolean isA(TypeInfo type, JavaProject project, String iface) {
    for (String s : type.supertypes()) {
      if (project.isSubtype(s, iface)) {
        return true;
      }
    }
    return false;
  }

  private static boolean returnsTrue(BlockTree body) {
    List<? extends StatementTree> st = body.getStatements();
    return st.size() == 1 && st.get(0) instanceof ReturnTree r && isTrue(r.getExpression());
  }

  private static boolean isTrue(ExpressionTree e) {
    return e instanceof LiteralTree l && Boolean.TRUE.equals(l.getValue());
  }

  @Override
  public MethodVisitor begin(MethodInfo method) {
    return new MethodVisitor() {
      @Override
      public void call(CallEvent e) {
        String name = e.call().name();
        for (ExpressionTree arg : e.argTrees()) {
          String library = libraryShortcut(arg);
          if (library != null) {
            boolean host = library.contains("Hostname");
            e.reporter().report(host ? ANY_HOST : TRUST_ALL, e.tree(), library + (host ? " accepts every host name"
                : " accepts every certificate"), null);
          }
        }
        if (name.equals("loadTrustMaterial") && e.argTrees().size() == 2 && e.argTrees().get(1) instanceof LambdaExpressionTree l
            && (l.getBody() instanceof ExpressionTree ex && isTrue(ex) || l.getBody() instanceof BlockTree b && returnsTrue(b))) {
          e.reporter().report(TRUST_ALL, e.tree(), "the TrustStrategy lambda accepts every certificate chain", null);
        }
        if ((name.equals("setHostnameVerifier") || name.equals("setDefaultHostnameVerifier") || name.equals("hostnameVerifier"))
            && e.argTrees().size() == 1 && e.argTrees().get(0) instanceof LambdaExpressionTree l) {
          Tree body = l.getBody();
          if (body instanceof ExpressionTree ex && isTrue(ex) || body instanceof BlockTree b && returnsTrue(b)) {
            e.reporter().report(ANY_HOST, l, "the HostnameVerifier lambda accepts every host name", null);
          }
        }
      }
    };
  }
}
