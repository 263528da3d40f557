package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.ParseProblem;
import dev.shipgate.scanner.java.frontend.TypeInfo;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * MyBatis {@code ${...}} substitutions: text pasted into the SQL as it is, unlike {@code #{...}}, which binds a
 * parameter. Found in mapper XML statements ({@code <select>}, {@code <insert>}, {@code <update>}, {@code <delete>}
 * and the {@code <sql>} fragments they include) and in {@code @Select}/{@code @Insert}/{@code @Update}/{@code @Delete}
 * annotations, each linked where possible to the mapper interface method and the parameter it names.
 */
public final class MyBatisMappers {

  /**
   * One {@code ${expr}} at {@code at}. {@code method}/{@code param}: the mapper method and the parameter the
   * expression reads (null / -1 when it cannot be told); {@code safe}: that value cannot hold SQL (a number,
   * boolean or enum, or a constant from an {@code <include>} property).
   */
  public record Substitution(Location at, String expression, MethodInfo method, int param, boolean safe) {}

  /**
   * Everything found, and mapper files that could not be read; {@code providerSinks}: mapper parameters that SQL
   * providers paste into their SQL text ({@link MyBatisProviders}).
   */
  public record Result(List<Substitution> substitutions, List<ParseProblem> problems,
      List<dev.shipgate.scanner.java.taint.ParameterSink> providerSinks) {}

  private static final Pattern MAPPER = Pattern.compile("<mapper\\s[^>]*namespace\\s*=");
  private static final Pattern DOLLAR = Pattern.compile("\\$\\{\\s*([^}]*)}");
  private static final Pattern HEAD = Pattern.compile("[A-Za-z_$][\\w$]*");
  private static final Set<String> STATEMENTS = Set.of("select", "insert", "update", "delete");
  private static final Set<String> ANNOTATIONS = Set.of("Select", "Insert", "Update", "Delete");
  static final String ANNOTATION_PACKAGE = "org.apache.ibatis.annotations.";
  private static final Set<String> SCALARS = Set.of("int", "long", "short", "byte", "double", "float", "boolean", "char",
      "java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte", "java.lang.Double", "java.lang.Float",
      "java.lang.Boolean", "java.math.BigDecimal", "java.math.BigInteger", "java.util.UUID", "java.time.LocalDate",
      "java.time.LocalDateTime", "java.time.Instant");

  private MyBatisMappers() {}

  /** Whether {@code path} may be a mapper file (its content decides). */
  public static boolean isCandidate(String path) {
    return path.endsWith(".xml");
  }

  public static Result find(JavaProject project, List<SourceFile> xmlFiles) {
    List<Substitution> out = new ArrayList<>();
    List<ParseProblem> problems = new ArrayList<>();
    for (SourceFile f : xmlFiles) {
      String text = f.text();
      if (!MAPPER.matcher(text).find()) {
        continue; // some other XML file
      }
      try {
        out.addAll(new XmlMapper(f.path(), project).read(text));
      } catch (XMLStreamException e) {
        int line = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNumber());
        problems.add(new ParseProblem(f.path(), line, "MyBatis mapper is not well-formed XML: " + firstLine(e.getMessage())));
      }
    }
    for (TypeInfo t : project.types()) {
      for (MethodInfo m : t.methods()) {
        if (m.tree() != null) {
          annotated(project, m, out);
        }
      }
    }
    return new Result(out, problems, MyBatisProviders.sinks(project));
  }

  private static String firstLine(String s) {
    String msg = s == null ? "" : s.strip();
    int nl = msg.lastIndexOf("Message:");
    msg = nl >= 0 ? msg.substring(nl + 8).strip() : msg;
    int end = msg.indexOf('\n');
    return end < 0 ? msg : msg.substring(0, end);
  }

  // ---------------------------------------------------------------- annotations

  private static void annotated(JavaProject project, MethodInfo m, List<Substitution> out) {
    List<? extends AnnotationTree> anns = m.tree().getModifiers().getAnnotations();
    for (int i = 0; i < anns.size(); i++) {
      String name = m.annotations().get(i);
      String simple = name.substring(name.lastIndexOf('.') + 1);
      if (!ANNOTATIONS.contains(simple) || name.contains(".") && !name.equals(ANNOTATION_PACKAGE + simple)) {
        continue;
      }
      for (ExpressionTree arg : anns.get(i).getArguments()) {
        ExpressionTree value = arg instanceof AssignmentTree a ? a.getExpression() : arg;
        for (LiteralTree lit : literals(value)) {
          if (lit.getValue() instanceof String sql) {
            Location at = m.owner().unit().location(lit);
            Matcher d = DOLLAR.matcher(sql);
            while (d.find()) {
              out.add(resolve(project, at, d.group(1), m, Map.of(), Set.of()));
            }
          }
        }
      }
    }
  }

  /** String literals of an annotation value: one, an array of them, or constant concatenations. */
  private static List<LiteralTree> literals(ExpressionTree e) {
    List<LiteralTree> out = new ArrayList<>();
    ArrayDeque<Tree> todo = new ArrayDeque<>(List.of(e));
    while (!todo.isEmpty()) {
      Tree t = todo.pop();
      if (t instanceof LiteralTree l) {
        out.add(l);
      } else if (t instanceof NewArrayTree a && a.getInitializers() != null) {
        todo.addAll(a.getInitializers());
      } else if (t instanceof BinaryTree b) {
        todo.push(b.getRightOperand());
        todo.push(b.getLeftOperand());
      } else if (t instanceof ParenthesizedTree p) {
        todo.push(p.getExpression());
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- parameters

  /**
   * Links {@code expr} to a parameter of {@code m}: by {@code @Param} name or parameter name, {@code paramN}, or the
   * single parameter (whose properties a one-argument statement reads by bare name). {@code items} maps
   * {@code <foreach>} item names to their collection expression; {@code constants} are names set by
   * {@code <include>} properties.
   */
  static Substitution resolve(JavaProject project, Location at, String expr, MethodInfo m, Map<String, String> items,
      Set<String> constants) {
    Matcher h = HEAD.matcher(expr);
    String head = h.lookingAt() ? h.group() : "";
    if (constants.contains(head)) {
      return new Substitution(at, expr, m, -1, true);
    }
    String property = null;
    for (int hops = 0; items.containsKey(head) && hops < 8; hops++) {
      Matcher c = HEAD.matcher(items.get(head));
      head = c.lookingAt() ? c.group() : "";
    }
    if (m == null) {
      return new Substitution(at, expr, null, -1, false);
    }
    int param = -1;
    List<String> names = m.paramNames();
    for (int i = 0; i < names.size() && param < 0; i++) {
      String bound = paramAnnotationName(m, i);
      if (head.equals(bound) || bound == null && head.equals(names.get(i))) {
        param = i;
      }
    }
    if (param < 0 && head.matches("param[1-9]\\d?")) {
      int n = Integer.parseInt(head.substring(5)) - 1;
      param = n < names.size() ? n : -1;
    }
    if (param < 0 && names.size() == 1 && paramAnnotationName(m, 0) == null) {
      param = 0;
      property = head.equals("_parameter") || head.equals("value") ? null : head;
    }
    if (param < 0) {
      return new Substitution(at, expr, m, -1, false);
    }
    return new Substitution(at, expr, m, param, isScalar(project, m, param, property));
  }

  /** The {@code @Param("name")} value of parameter {@code i}, or null. */
  private static String paramAnnotationName(MethodInfo m, int i) {
    List<String> anns = m.paramAnnotations().get(i);
    VariableTree v = m.tree().getParameters().get(i);
    for (int k = 0; k < anns.size(); k++) {
      String a = anns.get(k);
      if ((a.equals("Param") || a.equals(ANNOTATION_PACKAGE + "Param")) && k < v.getModifiers().getAnnotations().size()) {
        for (ExpressionTree arg : v.getModifiers().getAnnotations().get(k).getArguments()) {
          ExpressionTree value = arg instanceof AssignmentTree as ? as.getExpression() : arg;
          if (value instanceof LiteralTree l && l.getValue() instanceof String s) {
            return s;
          }
        }
      }
    }
    return null;
  }

  /** Whether the value read (the parameter, or its bean property) is a number, boolean, date, UUID or enum. */
  static boolean isScalar(JavaProject project, MethodInfo m, int param, String property) {
    String type = m.paramTypes().get(param);
    if (property != null && !SCALARS.contains(type)) {
      TypeInfo bean = project.type(type);
      TypeInfo.FieldInfo f = bean == null ? null : bean.fields().get(property);
      if (f == null) {
        return false;
      }
      type = f.type();
    }
    if (SCALARS.contains(type)) {
      return true;
    }
    TypeInfo t = project.type(type);
    return t != null && t.kind() == Tree.Kind.ENUM;
  }

  // ---------------------------------------------------------------- XML

  /** One mapper file read with StAX (no DTD, no external entities: the file is data, never a reference to fetch). */
  private static final class XmlMapper {
    private final String path;
    private final JavaProject project;
    private final Map<String, List<Found>> fragments = new HashMap<>();
    private final Map<String, List<Include>> includes = new HashMap<>();
    private final List<Substitution> out = new ArrayList<>();
    private String namespace = "";

    /** A {@code ${}} inside a fragment, judged later for each statement that includes the fragment. */
    private record Found(Location at, String expr, Map<String, String> items) {}

    /** A statement including fragment {@code refid} with constant {@code properties}. */
    private record Include(String statement, Set<String> properties) {}

    XmlMapper(String path, JavaProject project) {
      this.path = path;
      this.project = project;
    }

    List<Substitution> read(String text) throws XMLStreamException {
      XMLInputFactory f = XMLInputFactory.newFactory();
      f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
      f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
      f.setProperty(XMLInputFactory.IS_COALESCING, false);
      XMLStreamReader r = f.createXMLStreamReader(new StringReader(text));
      try {
        walk(r);
      } finally {
        r.close();
      }
      return out;
    }

    private void walk(XMLStreamReader r) throws XMLStreamException {
      ArrayDeque<String> elements = new ArrayDeque<>();
      String statement = null;
      String fragment = null;
      Map<String, String> items = new LinkedHashMap<>();
      String includeRef = null;
      List<String> includeProps = new ArrayList<>();
      int line = 1;
      while (r.hasNext()) {
        int ev = r.next();
        switch (ev) {
          case XMLStreamConstants.START_ELEMENT -> {
            String name = r.getLocalName();
            if (elements.isEmpty()) {
              if (!name.equals("mapper")) {
                return;
              }
              namespace = attr(r, "namespace");
            } else if (elements.size() == 1 && STATEMENTS.contains(name)) {
              statement = attr(r, "id");
              items.clear();
            } else if (elements.size() == 1 && name.equals("sql")) {
              fragment = attr(r, "id");
              items.clear();
            } else if (name.equals("foreach") && !attr(r, "item").isEmpty()) {
              items.put(attr(r, "item"), attr(r, "collection"));
            } else if (name.equals("include") && statement != null) {
              includeRef = attr(r, "refid");
              includeProps.clear();
            } else if (name.equals("property") && includeRef != null) {
              includeProps.add(attr(r, "name"));
            }
            elements.push(name);
          }
          case XMLStreamConstants.END_ELEMENT -> {
            String name = elements.pop();
            if (elements.size() == 1 && (STATEMENTS.contains(name) || name.equals("sql"))) {
              statement = null;
              fragment = null;
            } else if (name.equals("include") && includeRef != null) {
              String ref = includeRef.startsWith(namespace + ".") ? includeRef.substring(namespace.length() + 1) : includeRef;
              includes.computeIfAbsent(ref, k -> new ArrayList<>()).add(new Include(statement, Set.copyOf(includeProps)));
              includeRef = null;
            }
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            if (statement != null || fragment != null) {
              text(r.getText(), line, statement, fragment, items);
            }
          }
          default -> {
            // comments, processing instructions and the DOCTYPE hold no SQL
          }
        }
        // The reader's location is where the event ended: the next event's text starts there.
        line = Math.max(line, r.getLocation().getLineNumber());
      }
      for (Map.Entry<String, List<Found>> e : fragments.entrySet()) {
        List<Include> users = includes.getOrDefault(e.getKey(), List.of());
        for (Found fd : e.getValue()) {
          if (users.isEmpty()) {
            out.add(new Substitution(fd.at(), fd.expr(), null, -1, false));
          }
          for (Include u : users) {
            out.add(resolve(project, fd.at(), fd.expr(), method(u.statement()), fd.items(), u.properties()));
          }
        }
      }
      out.sort(java.util.Comparator.comparingInt((Substitution s) -> s.at().startLine()).thenComparing(Substitution::expression));
    }

    private void text(String text, int firstLine, String statement, String fragment, Map<String, String> items) {
      Matcher d = DOLLAR.matcher(text);
      int lineNo = firstLine;
      int scanned = 0;
      while (d.find()) {
        for (int i = scanned; i < d.start(); i++) {
          if (text.charAt(i) == '\n') {
            lineNo++;
          }
        }
        scanned = d.start();
        Location at = new Location(path, lineNo, 0, lineNo, 0);
        if (statement != null) {
          out.add(resolve(project, at, d.group(1), method(statement), Map.copyOf(items), Set.of()));
        } else {
          fragments.computeIfAbsent(fragment, k -> new ArrayList<>()).add(new Found(at, d.group(1), Map.copyOf(items)));
        }
      }
    }

    /** The mapper interface method of statement {@code id}; MyBatis does not allow overloads, so the name decides. */
    private MethodInfo method(String id) {
      TypeInfo t = project.type(namespace);
      if (t == null || id == null) {
        return null;
      }
      for (MethodInfo m : t.methods()) {
        if (m.name().equals(id) && m.tree() != null) {
          return m;
        }
      }
      return null;
    }

    private static String attr(XMLStreamReader r, String name) {
      String v = r.getAttributeValue(null, name);
      return v == null ? "" : v.trim();
    }
  }
}
