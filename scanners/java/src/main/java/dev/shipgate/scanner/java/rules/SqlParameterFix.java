package dev.shipgate.scanner.java.rules;

import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ExpressionStatementTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberReferenceTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.tree.ReturnTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreeScanner;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.Fix;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.scanner.java.frontend.CallSite;
import dev.shipgate.scanner.java.frontend.JavaProject;
import dev.shipgate.scanner.java.frontend.JavaUnit;
import dev.shipgate.scanner.java.frontend.MethodInfo;
import dev.shipgate.scanner.java.frontend.ResolvedCall;
import dev.shipgate.scanner.java.taint.JavaCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The parameterized-query fix for {@code java/injection/sql} on Spring {@code JdbcTemplate} calls: SQL built
 * by concatenating constant text with String values that sit where SQL expects a value (after a comparison,
 * as a whole quoted literal, or in a {@code VALUES} list) becomes {@code ?} placeholders, and the values move
 * to the overload that binds them ({@code query(sql, mapper)} becomes {@code query(sql, mapper, values...)}).
 * Anything else gets no fix: values in identifier, {@code ORDER BY}, {@code IN} or {@code LIMIT} positions,
 * part of a longer literal ({@code '%x%'}), calls that already bind arguments, {@code execute}, and any case
 * where moving the values could change what is evaluated when.
 */
public final class SqlParameterFix implements JavaCheck {

  static final String RULE = "java/injection/sql";
  private static final Set<String> JDBC_TYPES = Set.of("org.springframework.jdbc.core.JdbcTemplate",
      "org.springframework.jdbc.core.JdbcOperations");
  /** Methods with a {@code (String sql[, X], Object... args)} overload, by the arity of the call they replace. */
  private static final Map<String, Set<Integer>> BINDABLE = Map.of(
      "query", Set.of(2), "queryForObject", Set.of(2), "queryForStream", Set.of(2), "queryForList", Set.of(1, 2),
      "queryForMap", Set.of(1), "queryForRowSet", Set.of(1), "update", Set.of(1));
  /** Row mappers whose construction has no effect beyond the object, so evaluating them earlier is harmless. */
  private static final Set<String> MAPPERS = Set.of("BeanPropertyRowMapper", "DataClassRowMapper", "SingleColumnRowMapper",
      "ColumnMapRowMapper");

  @Override
  public List<Rule> rules() {
    return List.of();
  }

  @Override
  public Set<String> fixedRules() {
    return Set.of(RULE);
  }

  @Override
  public Map<Finding, Fix> fixes(List<Finding> findings, Function<String, SourceFile> sources, JavaProject project) {
    Map<String, List<MethodInfo>> byPath = new HashMap<>();
    for (MethodInfo m : project.methods()) {
      if (m.hasBody()) {
        byPath.computeIfAbsent(m.owner().unit().path(), k -> new ArrayList<>()).add(m);
      }
    }
    Map<Finding, Fix> out = new HashMap<>();
    for (Finding f : findings) {
      SourceFile file = sources.apply(f.location().path());
      List<CallSite> sites = new ArrayList<>();
      MethodInfo owner = null;
      for (MethodInfo m : byPath.getOrDefault(f.location().path(), List.of())) {
        for (CallSite cs : project.calls(m)) {
          if (cs.line() == f.location().startLine() && cs.tree() instanceof MethodInvocationTree
              && isJdbc(cs.call(), project)) {
            sites.add(cs);
            owner = m;
          }
        }
      }
      if (file != null && sites.size() == 1) {
        Fix fix = fix(file, project, owner, sites.get(0));
        if (fix != null) {
          out.put(f, fix);
        }
      }
    }
    return out;
  }

  private static boolean isJdbc(ResolvedCall call, JavaProject project) {
    if (!call.exact() || call.declaringType() == null) {
      return false;
    }
    return JDBC_TYPES.stream().anyMatch(t -> project.isSubtype(call.declaringType(), t));
  }

  private static Fix fix(SourceFile file, JavaProject project, MethodInfo method, CallSite site) {
    MethodInvocationTree call = (MethodInvocationTree) site.tree();
    List<? extends ExpressionTree> args = call.getArguments();
    if (!BINDABLE.getOrDefault(site.call().name(), Set.of()).contains(args.size())) {
      return null;
    }
    if (site.call().name().equals("queryForList") && args.size() == 2 && !isClassLiteral(args.get(1))) {
      return null; // queryForList(sql, Class, Object...) is the only two-argument form with a binding overload
    }
    for (ExpressionTree a : args.subList(1, args.size())) {
      if (!movable(a)) {
        return null; // the values are evaluated after this argument once they move behind it
      }
    }
    JavaUnit unit = method.owner().unit();
    ExpressionTree sql = args.get(0);
    List<Fix.Edit> edits = new ArrayList<>();
    if (sql instanceof IdentifierTree id) {
      ExpressionTree init = singleUseInitializer(unit, method, call, id.getName().toString());
      if (init == null) {
        return null;
      }
      sql = init;
    }
    Template t = Template.of(sql, unit, file, project, method);
    if (t == null) {
      return null;
    }
    List<String> values = new ArrayList<>();
    for (Template.Hole h : t.holes()) {
      edits.add(new Fix.Edit(unit.path(), h.editStart(), h.editEnd(), h.replacement()));
      values.add(file.text().substring(h.valueStart(), h.valueEnd()));
    }
    int end = (int) unit.endPosition(args.get(args.size() - 1));
    edits.add(Fix.Edit.insert(unit.path(), end, ", " + String.join(", ", values)));
    return new Fix("bind " + String.join(", ", values) + " as query parameter" + (values.size() > 1 ? "s" : ""), edits);
  }

  /**
   * The initializer of local {@code name} when it is declared by the statement right before the call's,
   * read only by this call, and the call is the first thing its statement evaluates (so the values, which
   * move from the declaration into the call, are evaluated with nothing but the pure receiver in between).
   */
  private static ExpressionTree singleUseInitializer(JavaUnit unit, MethodInfo method, MethodInvocationTree call, String name) {
    TreePath path = TreePath.getPath(unit.tree(), call);
    if (path == null || !(call.getMethodSelect() instanceof MemberSelectTree ms) || !movable(ms.getExpression())) {
      return null;
    }
    TreePath stmt = path.getParentPath();
    Tree parent = stmt.getLeaf();
    if (parent instanceof AssignmentTree a && a.getExpression() == call && a.getVariable() instanceof IdentifierTree) {
      stmt = stmt.getParentPath();
      parent = stmt.getLeaf();
    }
    boolean first = parent instanceof ExpressionStatementTree || parent instanceof ReturnTree
        || parent instanceof VariableTree v && v.getInitializer() == call;
    if (!first || !(stmt.getParentPath().getLeaf() instanceof BlockTree block)) {
      return null;
    }
    List<? extends StatementTree> statements = block.getStatements();
    int i = statements.indexOf((StatementTree) parent);
    if (i < 1 || !(statements.get(i - 1) instanceof VariableTree decl) || !decl.getName().contentEquals(name)
        || decl.getInitializer() == null || uses(method, name) != 1) {
      return null;
    }
    return decl.getInitializer();
  }

  /** Declarations and reads of {@code name} in the method; anything but one of each means other code sees it. */
  private static int uses(MethodInfo method, String name) {
    int[] counts = new int[2];
    new TreeScanner<Void, Void>() {
      @Override
      public Void visitIdentifier(IdentifierTree node, Void p) {
        if (node.getName().contentEquals(name)) {
          counts[0]++;
        }
        return null;
      }

      @Override
      public Void visitVariable(VariableTree node, Void p) {
        if (node.getName().contentEquals(name)) {
          counts[1]++;
        }
        return super.visitVariable(node, p);
      }
    }.scan(method.body(), null);
    return counts[1] == 1 ? counts[0] : -1;
  }

  /** Expressions whose evaluation has no effect, so evaluating them before or after the values is the same. */
  private static boolean movable(ExpressionTree e) {
    if (e instanceof IdentifierTree || e instanceof LiteralTree || e instanceof LambdaExpressionTree) {
      return true;
    }
    if (e instanceof MemberSelectTree ms) {
      return movable(ms.getExpression());
    }
    if (e instanceof MemberReferenceTree r) {
      return movable(r.getQualifierExpression());
    }
    return e instanceof NewClassTree n && n.getClassBody() == null && n.getEnclosingExpression() == null
        && MAPPERS.contains(simpleName(n.getIdentifier())) && n.getArguments().stream().allMatch(SqlParameterFix::movable);
  }

  private static String simpleName(ExpressionTree type) {
    String s = type.toString();
    int generic = s.indexOf('<');
    s = generic < 0 ? s : s.substring(0, generic);
    return s.substring(s.lastIndexOf('.') + 1);
  }

  private static boolean isClassLiteral(ExpressionTree e) {
    return e instanceof MemberSelectTree ms && ms.getIdentifier().contentEquals("class");
  }

  /**
   * A concatenation {@code "const" + value + "const" ...} split into its literals and values, with each value's
   * SQL position checked and the edit that turns it (and its quotes) into a {@code ?}.
   */
  record Template(List<Hole> holes) {

    /**
     * @param editStart start of the replaced text: the closing quote of the literal before the value (or the
     *     SQL quote inside it)
     * @param replacement {@code ?}, or {@code ?"} when no literal follows the value
     */
    record Hole(int editStart, int editEnd, String replacement, int valueStart, int valueEnd) {}

    private static final Pattern COMPARISON = Pattern.compile("(?:^|[\\s\\w)'\"`\\]])(?:=|<>|!=|<=|>=|<|>)$");
    private static final Pattern LIKE = Pattern.compile("(?i)\\sLIKE$");
    private static final Pattern VALUES = Pattern.compile("(?i)\\bVALUES\\s*$");
    private static final Pattern VALUE_END = Pattern.compile(
        "(?i)^(?:$|\\s*$|\\s*[),]|\\s+(?:AND|OR|ORDER|GROUP|HAVING|LIMIT|OFFSET|FETCH|UNION|RETURNING|WHERE)\\b)");
    /** Text that makes quote tracking or placeholder binding uncertain: existing placeholders, comments, escapes. */
    private static final Pattern UNSURE = Pattern.compile("\\?|--|/\\*|\\\\|\\$\\$|\\{|;\\s*\\S");

    static Template of(ExpressionTree sql, JavaUnit unit, SourceFile file, JavaProject project, MethodInfo method) {
      List<ExpressionTree> operands = new ArrayList<>();
      if (!flatten(sql, operands) || !(operands.get(0) instanceof LiteralTree)) {
        return null; // a leading literal makes every + a string concatenation
      }
      // Each operand is a literal's text or null for a value; values may not follow each other.
      List<String> texts = new ArrayList<>();
      for (int i = 0; i < operands.size(); i++) {
        ExpressionTree o = operands.get(i);
        if (o instanceof LiteralTree l) {
          if (!(l.getValue() instanceof String s) || !file.text().substring((int) unit.startPosition(l),
              (int) unit.endPosition(l)).equals("\"" + s + "\"")) {
            return null; // escapes or text blocks: source offsets would not match the value's characters
          }
          texts.add(s);
        } else if (operands.get(i - 1) instanceof LiteralTree && isValue(o)
            && "java.lang.String".equals(project.typeOf(project.scope(method), o))) {
          texts.add(null);
        } else {
          return null;
        }
      }
      String constant = String.join("", texts.stream().map(s -> s == null ? "" : s).toList());
      if (texts.stream().noneMatch(s -> s == null) || UNSURE.matcher(constant).find()) {
        return null;
      }
      return scan(operands, texts, unit);
    }

    private static boolean flatten(ExpressionTree e, List<ExpressionTree> out) {
      if (e instanceof BinaryTree b && b.getKind() == Tree.Kind.PLUS) {
        return flatten(b.getLeftOperand(), out) && flatten(b.getRightOperand(), out) && !(b.getRightOperand() instanceof BinaryTree);
      }
      out.add(e);
      return true;
    }

    /** Values: variables, fields, and calls on them; their order among themselves never changes. */
    private static boolean isValue(ExpressionTree e) {
      if (e instanceof IdentifierTree || e instanceof LiteralTree) {
        return true;
      }
      if (e instanceof MemberSelectTree ms) {
        return isValue(ms.getExpression());
      }
      return e instanceof MethodInvocationTree mi
          && (!(mi.getMethodSelect() instanceof MemberSelectTree ms) || isValue(ms.getExpression()))
          && mi.getArguments().stream().allMatch(Template::isValue);
    }

    /** Walks the SQL text with quote and parenthesis state and checks every value's position. */
    private static Template scan(List<ExpressionTree> operands, List<String> texts, JavaUnit unit) {
      StringBuilder before = new StringBuilder();
      char quote = 0;
      List<Integer> parens = new ArrayList<>();
      List<Hole> holes = new ArrayList<>();
      for (int i = 0; i < texts.size(); i++) {
        String text = texts.get(i);
        if (text != null) {
          for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (quote != 0) {
              quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"' || c == '`') {
              quote = c;
            } else if (c == '(') {
              parens.add(before.length());
            } else if (c == ')' && !parens.isEmpty()) {
              parens.remove(parens.size() - 1);
            }
            before.append(c);
          }
          continue;
        }
        String prev = texts.get(i - 1);
        String next = i + 1 < texts.size() ? texts.get(i + 1) : null;
        boolean quoted = quote == '\'';
        if (quote != 0 && !quoted) {
          return null;
        }
        String left = before.toString();
        String right = next == null ? "" : next;
        if (quoted) {
          // The value must be the whole literal: '<value>', with no '' escape on either side.
          if (!prev.endsWith("'") || left.endsWith("''") || next == null || !next.startsWith("'") || next.startsWith("''")
              || openedAt(left) != left.length() - 1) {
            return null;
          }
          left = left.substring(0, left.length() - 1);
          right = next.substring(1);
        }
        if (!valuePosition(left.stripTrailing(), right, quoted, parens)) {
          return null;
        }
        ExpressionTree prevLit = operands.get(i - 1);
        ExpressionTree value = operands.get(i);
        int valueStart = (int) unit.startPosition(value);
        int valueEnd = (int) unit.endPosition(value);
        int start = (int) unit.endPosition(prevLit) - (quoted ? 2 : 1);
        if (next == null) {
          holes.add(new Hole(start, valueEnd, "?\"", valueStart, valueEnd));
        } else {
          int end = (int) unit.startPosition(operands.get(i + 1)) + (quoted ? 2 : 1);
          holes.add(new Hole(start, end, "?", valueStart, valueEnd));
        }
        before.append('?');
        if (quoted) {
          quote = 0;
          before.setLength(before.length() - 2);
          before.append('?');
          texts.set(i + 1, next.substring(1));
        }
      }
      return quote == 0 ? new Template(holes) : null;
    }

    /** Where the single-quoted literal open at the end of {@code text} starts. */
    private static int openedAt(String text) {
      int open = -1;
      char quote = 0;
      for (int k = 0; k < text.length(); k++) {
        char c = text.charAt(k);
        if (quote != 0) {
          quote = c == quote ? 0 : quote;
        } else if (c == '\'' || c == '"' || c == '`') {
          quote = c;
          open = k;
        }
      }
      return quote == '\'' ? open : -1;
    }

    private static boolean valuePosition(String left, String right, boolean quoted, List<Integer> parens) {
      if (!VALUE_END.matcher(right).find()) {
        return false;
      }
      if (COMPARISON.matcher(left).find() || quoted && LIKE.matcher(left).find()) {
        return !left.endsWith(":=");
      }
      // An element of INSERT ... VALUES (a, b): the innermost open parenthesis follows VALUES.
      if ((left.endsWith("(") || left.endsWith(",")) && !parens.isEmpty()) {
        int open = parens.get(parens.size() - 1);
        return VALUES.matcher(left.substring(0, Math.min(open, left.length()))).find()
            && right.stripLeading().matches("(?s)[),].*");
      }
      return false;
    }
  }
}
