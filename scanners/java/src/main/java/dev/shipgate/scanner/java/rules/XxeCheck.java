package dev.shipgate.scanner.java.rules;
import com.sun.source.tree.Tree;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.taint.CallEvent;
import dev.shipgate.scanner.java.taint.JavaCheck;
import dev.shipgate.scanner.java.taint.MethodVisitor;
import dev.shipgate.scanner.java.taint.Reporter;
import dev.shipgate.scanner.java.taint.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An XML parser factory created in a method and used to parse without the setting that turns off DTDs or
 * external entities. Factories that come from fields, parameters or other methods are not judged.
 */
public final class XxeCheck implements JavaCheck {

  static final Rule RULE = Rule.builder("java/xml/xxe", "java")
      .title("XML parser allows external entities")
      .severity(Severity.HIGH)
      .confidence(Confidence.MEDIUM)
      .cwe("CWE-611")
      .tags("owasp-top10:A05:2021", "asvs:4.0.3-5.5.2")
      .description("The parser resolves DTDs and external entities, so an XML document from outside can read local"
          + " files, reach internal hosts (SSRF) or exhaust memory (billion laughs).")
      .fix("Before creating the parser call factory.setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\","
          + " true) (DocumentBuilderFactory, SAXParserFactory), setProperty(XMLInputFactory.SUPPORT_DTD, false) (StAX), or"
          + " setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, \"\") and ACCESS_EXTERNAL_STYLESHEET (TransformerFactory).")
      .build();

  /** Factory type, how it is created, and the calls that build a parser from it. */
  private record Kind(String type, List<String> creators, List<String> uses) {}

  private static final List<Kind> KINDS = List.of(
      new Kind("javax.xml.parsers.DocumentBuilderFactory", List.of("newInstance", "newDefaultInstance", "newNSInstance"),
          List.of("newDocumentBuilder")),
      new Kind("javax.xml.parsers.SAXParserFactory", List.of("newInstance", "newDefaultInstance", "newNSInstance"),
          List.of("newSAXParser")),
      new Kind("javax.xml.stream.XMLInputFactory", List.of("newInstance", "newFactory", "newDefaultFactory"),
          List.of("createXMLStreamReader", "createXMLEventReader")),
      new Kind("javax.xml.transform.TransformerFactory", List.of("newInstance", "newDefaultInstance"),
          List.of("newTransformer", "newTemplates")));

  @Override
  public List<Rule> rules() {
    return List.of(RULE);
  }

  private static final Pattern FACTORY_USE = Pattern.compile(
      "(?<![\\w.])(\\w+)\\s*\\.\\s*(newDocumentBuilder|newSAXParser|createXMLStreamReader|createXMLEventReader|newTransformer|newTemplates)\\s*\\(");

  /**
   * Hardens the factory right before the statement that builds the parser: the setting the rule's fix names,
   * on the factory variable the statement uses. The added call throws nothing the parser-building call does
   * not already throw, so the surrounding code compiles as before.
   */
  @Override
  public Map<Finding, Fix> fixes(List<Finding> findings, Function<String, SourceFile> sources,
      dev.shipgate.scanner.java.frontend.JavaProject project) {
    Map<Finding, Fix> out = new HashMap<>();
    for (Finding f : findings) {
      SourceFile file = sources.apply(f.location().path());
      if (file == null) {
        continue;
      }
      Matcher m = FACTORY_USE.matcher(file.line(f.location().startLine()));
      if (!m.find() || m.find(m.end())) {
        continue;
      }
      m.reset().find();
      String factory = m.group(1);
      String[] calls = switch (m.group(2)) {
        case "newDocumentBuilder", "newSAXParser" ->
            new String[] {factory + ".setFeature(\"http://apache.org/xml/features/disallow-doctype-decl\", true);"};
        case "createXMLStreamReader", "createXMLEventReader" ->
            new String[] {factory + ".setProperty(javax.xml.stream.XMLInputFactory.SUPPORT_DTD, false);"};
        default -> new String[] {factory + ".setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_DTD, \"\");",
            factory + ".setAttribute(javax.xml.XMLConstants.ACCESS_EXTERNAL_STYLESHEET, \"\");"};
      };
      Fix.Edit edit = StatementInsert.before(file, f.location().path(), f.location().startLine(), calls);
      if (edit != null) {
        out.put(f, Fix.of("disable DTDs and external entities on " + factory, edit));
      }
    }
    return out;
  }

  @Override
  public MethodVisitor begin(MethodInfo method) {
    return new MethodVisitor() {
      final Map<String, Boolean> secured = new HashMap<>();
      Kind justCreated;

      @Override
      public void call(CallEvent e) {
        String name = e.call().name();
        for (Kind k : KINDS) {
          if (!e.is(k.type(), name)) {
            continue;
          }
          if (e.call().staticReceiver() && k.creators().contains(name)) {
            justCreated = k;
            return;
          }
          String var = e.receiverVariable();
          if (isHardening(name, e)) {
            if (var != null && secured.containsKey(var)) {
              secured.put(var, true);
            }
            return;
          }
          if (k.uses().contains(name)) {
            boolean fresh = e.tree() instanceof com.sun.source.tree.MethodInvocationTree mi
                && mi.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms
                && ms.getExpression() instanceof com.sun.source.tree.MethodInvocationTree;
            boolean unsafeVariable = var != null && Boolean.FALSE.equals(secured.get(var));
            if (unsafeVariable || fresh && isCreation(ms(e))) {
              e.reporter().report(RULE, e.tree(), simple(k.type()) + " parses with DTDs and external entities enabled", null);
            }
          }
        }
      }

      @Override
      public void assign(String variable, Value value, Tree at, Reporter reporter) {
        if (justCreated != null) {
          secured.put(variable, false);
          justCreated = null;
        }
      }
    };
  }

  private static com.sun.source.tree.ExpressionTree ms(CallEvent e) {
    com.sun.source.tree.MethodInvocationTree mi = (com.sun.source.tree.MethodInvocationTree) e.tree();
    return ((com.sun.source.tree.MemberSelectTree) mi.getMethodSelect()).getExpression();
  }

  /** {@code Factory.newInstance().newDocumentBuilder()}: nothing could have hardened that factory. */
  private static boolean isCreation(com.sun.source.tree.ExpressionTree receiver) {
    if (receiver instanceof com.sun.source.tree.MethodInvocationTree mi
        && mi.getMethodSelect() instanceof com.sun.source.tree.MemberSelectTree ms) {
      String n = ms.getIdentifier().toString();
      return n.startsWith("newInstance") || n.startsWith("newDefault") || n.equals("newFactory") || n.equals("newNSInstance");
    }
    return false;
  }

  /** Settings that switch off DTDs or external entities (by literal name or by the JDK constant's name). */
  private static boolean isHardening(String name, CallEvent e) {
    if (e.argTrees().size() < 2) {
      return false;
    }
    String key = e.argTrees().get(0).toString();
    Object value = e.constantArg(1);
    String valueText = e.argTrees().get(1).toString();
    switch (name) {
      case "setFeature":
        if (key.contains("disallow-doctype-decl") || key.contains("FEATURE_SECURE_PROCESSING")) {
          return Boolean.TRUE.equals(value);
        }
        return key.contains("external-general-entities") && Boolean.FALSE.equals(value);
      case "setProperty":
        return (key.contains("SUPPORT_DTD") || key.contains("supportDTD") || key.contains("SUPPORTING_EXTERNAL_ENTITIES")
            || key.contains("isSupportingExternalEntities")) && (Boolean.FALSE.equals(value) || valueText.contains("FALSE"));
      case "setAttribute":
        return key.contains("ACCESS_EXTERNAL_DTD") || key.contains("accessExternalDTD");
      default:
        return false;
    }
  }

  private static String simple(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }
}
