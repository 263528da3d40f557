package dev.shipgate.scanner.java.rules;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreeScanner;
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
 * An XML parser or parser factory (JAXP DOM, SAX, StAX, Transformer, Schema; SAX {@code XMLReader}; dom4j
 * {@code SAXReader}; JDOM {@code SAXBuilder}) created in a method and used to parse without the setting that turns
 * off DTDs or external entities, there or in a repository method it is handed to. Parsers and factories that come
 * from fields, parameters or other methods, or are handed to library code, are not judged.
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

  /**
   * Parser or factory type, the type whose methods create it ({@code <init>} for a constructor), how it is created,
   * and the calls that build a parser from it or parse with it.
   */
  private record Kind(String type, String creatorType, List<String> creators, List<String> uses) {}

  private static final List<Kind> KINDS = List.of(
      new Kind("javax.xml.parsers.DocumentBuilderFactory", "javax.xml.parsers.DocumentBuilderFactory",
          List.of("newInstance", "newDefaultInstance", "newNSInstance"), List.of("newDocumentBuilder")),
      new Kind("javax.xml.parsers.SAXParserFactory", "javax.xml.parsers.SAXParserFactory",
          List.of("newInstance", "newDefaultInstance", "newNSInstance"), List.of("newSAXParser")),
      new Kind("javax.xml.stream.XMLInputFactory", "javax.xml.stream.XMLInputFactory",
          List.of("newInstance", "newFactory", "newDefaultFactory"), List.of("createXMLStreamReader", "createXMLEventReader")),
      new Kind("javax.xml.transform.TransformerFactory", "javax.xml.transform.TransformerFactory",
          List.of("newInstance", "newDefaultInstance"), List.of("newTransformer", "newTemplates")),
      new Kind("javax.xml.validation.SchemaFactory", "javax.xml.validation.SchemaFactory",
          List.of("newInstance", "newDefaultInstance"), List.of("newSchema")),
      new Kind("org.xml.sax.XMLReader", "org.xml.sax.helpers.XMLReaderFactory", List.of("createXMLReader"), List.of("parse")),
      new Kind("org.dom4j.io.SAXReader", "org.dom4j.io.SAXReader", List.of("<init>"), List.of("read")),
      new Kind("org.jdom2.input.SAXBuilder", "org.jdom2.input.SAXBuilder", List.of("<init>"), List.of("build")),
      new Kind("org.jdom.input.SAXBuilder", "org.jdom.input.SAXBuilder", List.of("<init>"), List.of("build")));

  /** Method names this check looks at: creators, uses and hardening settings (most calls are none of them). */
  private static final java.util.Set<String> RELEVANT = new java.util.HashSet<>(List.of("setFeature", "setProperty",
      "setAttribute"));

  static {
    for (Kind k : KINDS) {
      RELEVANT.addAll(k.creators());
      RELEVANT.addAll(k.uses());
    }
  }

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
      /** Parsers and factories created here: true once hardened; removed when handed to code that is not read. */
      final Map<String, Boolean> secured = new HashMap<>();
      Kind justCreated;

      @Override
      public void call(CallEvent e) {
        String name = e.call().name();
        if (!RELEVANT.contains(name)) {
          if (!secured.isEmpty()) {
            handedOn(e);
          }
          return;
        }
        for (Kind k : KINDS) {
          if (k.creators().contains(name) && e.is(k.creatorType(), name)
              && (name.equals("<init>") ? e.tree() instanceof NewClassTree n && n.getClassBody() == null
                  : e.call().staticReceiver())) {
            justCreated = k;
            return;
          }
          if (!e.is(k.type(), name)) {
            continue;
          }
          String var = e.receiverVariable();
          if (isHardening(name, e.argTrees(), e.constantArg(1))) {
            if (var != null && secured.containsKey(var)) {
              secured.put(var, true);
            }
            return;
          }
          if (k.uses().contains(name)) {
            boolean fresh = e.tree() instanceof MethodInvocationTree mi
                && mi.getMethodSelect() instanceof MemberSelectTree ms && isCreation(ms.getExpression());
            boolean unsafeVariable = var != null && Boolean.FALSE.equals(secured.get(var));
            if (unsafeVariable || fresh) {
              e.reporter().report(RULE, e.tree(), simple(k.type()) + " parses with DTDs and external entities enabled", null);
            }
            return;
          }
        }
        if (!secured.isEmpty()) {
          handedOn(e);
        }
      }

      /**
       * A parser or factory passed to another method: a repository method that hardens that parameter hardens it;
       * anything else (library code, several possible targets) may have, so it is no longer judged.
       */
      private void handedOn(CallEvent e) {
        for (int i = 0; i < e.argTrees().size(); i++) {
          if (!(e.argTrees().get(i) instanceof IdentifierTree id) || !secured.containsKey(id.getName().toString())) {
            continue;
          }
          String var = id.getName().toString();
          List<MethodInfo> targets = e.call().targets();
          if (targets.size() == 1 && targets.get(0).hasBody() && i < targets.get(0).paramNames().size()) {
            if (hardensParameter(targets.get(0), targets.get(0).paramNames().get(i))) {
              secured.put(var, true);
            }
          } else {
            secured.remove(var);
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

  /** Whether a method calls one of the hardening settings on its parameter {@code param}. */
  private static boolean hardensParameter(MethodInfo target, String param) {
    boolean[] found = {false};
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree mi, Void p) {
        if (mi.getMethodSelect() instanceof MemberSelectTree ms && ms.getExpression() instanceof IdentifierTree id
            && id.getName().contentEquals(param) && mi.getArguments().size() >= 2) {
          Object value = mi.getArguments().get(1) instanceof LiteralTree l ? l.getValue() : null;
          found[0] |= isHardening(ms.getIdentifier().toString(), mi.getArguments(), value);
        }
        return super.visitMethodInvocation(mi, p);
      }
    }.scan(target.body(), null);
    return found[0];
  }

  /** {@code Factory.newInstance().newDocumentBuilder()}, {@code new SAXReader().read(...)}: nothing hardened it. */
  private static boolean isCreation(ExpressionTree receiver) {
    if (receiver instanceof NewClassTree n) {
      return n.getClassBody() == null && KINDS.stream().anyMatch(k -> k.creators().contains("<init>")
          && simple(k.type()).equals(simple(n.getIdentifier().toString())));
    }
    if (receiver instanceof MethodInvocationTree mi && mi.getMethodSelect() instanceof MemberSelectTree ms) {
      String n = ms.getIdentifier().toString();
      return n.startsWith("newInstance") || n.startsWith("newDefault") || n.equals("newFactory") || n.equals("newNSInstance")
          || n.equals("createXMLReader");
    }
    return false;
  }

  /** Settings that switch off DTDs or external entities (by literal name or by the JDK constant's name). */
  private static boolean isHardening(String name, List<? extends ExpressionTree> args, Object value) {
    if (args.size() < 2) {
      return false;
    }
    String key = args.get(0).toString();
    String valueText = args.get(1).toString();
    switch (name) {
      case "setFeature":
        if (key.contains("disallow-doctype-decl") || key.contains("FEATURE_SECURE_PROCESSING")) {
          return Boolean.TRUE.equals(value);
        }
        return key.contains("external-general-entities") && Boolean.FALSE.equals(value);
      case "setProperty":
        if (key.contains("ACCESS_EXTERNAL_DTD") || key.contains("accessExternalDTD")) {
          return true; // SchemaFactory, Validator, and JAXP parsers that accept the property
        }
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
