package dev.shipgate.scanner.terraform.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Terraform's JSON syntax ({@code *.tf.json}) mapped onto the same {@link Body} model as native files. The
 * JSON is read by the expression parser (its object syntax accepts JSON), so strings become templates and
 * {@code "${var.x}"} a reference, as Terraform reads them. Without provider schemas, an object or a list of
 * objects inside a resource, data or provider body counts as nested blocks; everything else is an attribute.
 */
public final class JsonSyntax {

  /** How many labels each top-level block type has; its body follows them. */
  private static final Map<String, Integer> LABELS = Map.ofEntries(
      Map.entry("resource", 2), Map.entry("data", 2), Map.entry("variable", 1), Map.entry("output", 1),
      Map.entry("module", 1), Map.entry("provider", 1), Map.entry("locals", 0), Map.entry("terraform", 0),
      Map.entry("moved", 0), Map.entry("import", 0), Map.entry("check", 1), Map.entry("removed", 0));

  private JsonSyntax() {}

  public static Body parse(String text) throws HclException {
    Expr root = HclParser.parseExpression(text);
    if (!(root instanceof Expr.ObjectExpr o)) {
      throw new HclException("a .tf.json file must hold one JSON object", root.start());
    }
    List<Block> blocks = new ArrayList<>();
    for (Expr.ObjectExpr.Item item : o.items()) {
      Integer labels = LABELS.get(item.key());
      if (labels != null) {
        labelled(item.key(), item.keyStart(), new ArrayList<>(), labels, item.value(), blocks);
      }
    }
    return new Body(List.of(), blocks);
  }

  /** A {@code .tfvars.json} file: one object whose keys are variable names. */
  public static Body values(String text) throws HclException {
    Expr root = HclParser.parseExpression(text);
    if (!(root instanceof Expr.ObjectExpr o)) {
      throw new HclException("a .tfvars.json file must hold one JSON object", root.start());
    }
    return body(o, false);
  }

  private static void labelled(String type, int start, List<String> labels, int remaining, Expr value, List<Block> out)
      throws HclException {
    if (remaining > 0) {
      if (!(value instanceof Expr.ObjectExpr o)) {
        throw new HclException("expected an object of " + type + " labels", value.start());
      }
      for (Expr.ObjectExpr.Item item : o.items()) {
        List<String> next = new ArrayList<>(labels);
        next.add(item.key());
        labelled(type, item.keyStart(), next, remaining - 1, item.value(), out);
      }
      return;
    }
    boolean nested = type.equals("resource") || type.equals("data") || type.equals("provider") || type.equals("terraform");
    for (Expr.ObjectExpr body : objects(value)) {
      out.add(new Block(type, labels, body(body, nested), start, body.start(), body.end() - 1));
    }
  }

  private static Body body(Expr.ObjectExpr o, boolean nested) {
    List<Attribute> attributes = new ArrayList<>();
    List<Block> blocks = new ArrayList<>();
    for (Expr.ObjectExpr.Item item : o.items()) {
      if (item.key() == null) {
        continue;
      }
      List<Expr.ObjectExpr> objects = nested ? objects(item.value()) : List.of();
      if (objects.isEmpty()) {
        attributes.add(new Attribute(item.key(), item.value(), item.keyStart()));
      } else {
        for (Expr.ObjectExpr b : objects) {
          blocks.add(new Block(item.key(), List.of(), body(b, true), item.keyStart(), b.start(), b.end() - 1));
        }
      }
    }
    return new Body(attributes, blocks);
  }

  /** The value as block bodies: one object, or a non-empty list holding only objects; otherwise none. */
  private static List<Expr.ObjectExpr> objects(Expr value) {
    if (value instanceof Expr.ObjectExpr o) {
      return List.of(o);
    }
    List<Expr.ObjectExpr> out = new ArrayList<>();
    if (value instanceof Expr.Tuple t) {
      for (Expr e : t.items()) {
        if (!(e instanceof Expr.ObjectExpr o)) {
          return List.of();
        }
        out.add(o);
      }
    }
    return out;
  }
}
