package dev.shipgate.scanner.terraform;

import dev.shipgate.scanner.terraform.hcl.Attribute;
import dev.shipgate.scanner.terraform.hcl.Block;
import dev.shipgate.scanner.terraform.hcl.Expr;
import dev.shipgate.scanner.terraform.hcl.HclException;
import dev.shipgate.scanner.terraform.hcl.HclParser;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * IAM policy statements from the three ways Terraform writes them: {@code jsonencode({...})}, a JSON string or
 * heredoc, and an {@code aws_iam_policy_document} data block (referenced as {@code data.….json}). JSON is read
 * with the HCL expression parser, whose object syntax accepts it.
 */
public final class Policies {

  private static final Pattern DOCUMENT = Pattern.compile("data\\.aws_iam_policy_document\\.([A-Za-z_][\\w-]*)\\.json");

  /**
   * One statement. {@code principals} holds {@code *} for anyone, else {@code TYPE:id} entries;
   * {@code where} is the resource and offset to report it at (a data block's own statement, when it came
   * from one).
   */
  public record Statement(String effect, List<String> actions, List<String> resources, List<String> principals,
      boolean conditioned, Resource where, int offset) {

    public boolean allows() {
      return "Allow".equalsIgnoreCase(effect);
    }

    public boolean publicPrincipal() {
      return principals.contains("*") || principals.contains("AWS:*");
    }
  }

  private Policies() {}

  /**
   * The statements of policy attribute {@code a} of {@code owner}; empty when the policy is unknown. A
   * statement from a policy document data block is located in that block.
   */
  public static List<Statement> of(Module m, Resource owner, Attribute a) {
    if (a == null) {
      return List.of();
    }
    Expr e = m.resolve(a.value());
    if (e instanceof Expr.Call c && c.name().equals("jsonencode") && c.args().size() == 1) {
      return fromJson(m, m.resolve(c.args().get(0)), owner, a.start());
    }
    if (e instanceof Expr.Literal l && l.value() instanceof String s) {
      return fromText(m, s, owner, a.start());
    }
    if (e instanceof Expr.Template t) {
      return fromText(m, t.text(), owner, a.start());
    }
    if (e instanceof Expr.Reference r) {
      Matcher doc = DOCUMENT.matcher(r.path());
      if (doc.matches()) {
        for (Resource d : m.data("aws_iam_policy_document")) {
          if (d.name().equals(doc.group(1))) {
            return document(m, d);
          }
        }
      }
    }
    return List.of();
  }

  /** The statements of an {@code aws_iam_policy_document} data block. */
  public static List<Statement> document(Module m, Resource d) {
    List<Statement> out = new ArrayList<>();
    for (Block s : d.blocks("statement")) {
      Attribute effect = s.attribute("effect");
      String eff = effect == null ? "Allow" : m.string(effect);
      List<String> principals = new ArrayList<>();
      for (Block p : s.blocks("principals")) {
        String type = m.string(p.attribute("type"));
        for (String id : m.strings(p.attribute("identifiers"))) {
          principals.add("*".equals(type) ? "*" : type + ":" + id);
        }
      }
      out.add(new Statement(eff, m.strings(s.attribute("actions")), m.strings(s.attribute("resources")), principals,
          !s.blocks("condition").isEmpty(), d, s.start()));
    }
    return out;
  }

  private static List<Statement> fromText(Module m, String text, Resource owner, int offset) {
    try {
      return fromJson(m, HclParser.parseExpression(text), owner, offset);
    } catch (HclException e) {
      return List.of();
    }
  }

  private static List<Statement> fromJson(Module m, Expr doc, Resource owner, int offset) {
    if (!(doc instanceof Expr.ObjectExpr o)) {
      return List.of();
    }
    Expr statements = m.resolve(o.get("Statement"));
    List<Expr> items = statements instanceof Expr.ObjectExpr ? List.of(statements) : m.items(statements);
    if (items == null) {
      return List.of();
    }
    List<Statement> out = new ArrayList<>();
    for (Expr item : items) {
      if (m.resolve(item) instanceof Expr.ObjectExpr s) {
        Expr condition = s.get("Condition");
        boolean conditioned = condition != null && !(condition instanceof Expr.ObjectExpr c && c.items().isEmpty());
        out.add(new Statement(m.string(s.get("Effect")), m.strings(s.get("Action")), m.strings(s.get("Resource")),
            principals(m, s.get("Principal")), conditioned, owner, offset));
      }
    }
    return out;
  }

  private static List<String> principals(Module m, Expr principal) {
    List<String> out = new ArrayList<>();
    if (principal == null) {
      return out;
    }
    Expr p = m.resolve(principal);
    if (p instanceof Expr.ObjectExpr o) {
      for (Expr.ObjectExpr.Item i : o.items()) {
        for (String id : m.strings(i.value())) {
          out.add(i.key() + ":" + id);
        }
      }
    } else {
      out.addAll(m.strings(p));
    }
    return out;
  }
}
