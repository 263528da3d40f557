package dev.shipgate.scanner.terraform;

import dev.shipgate.scanner.terraform.hcl.Attribute;
import dev.shipgate.scanner.terraform.hcl.Block;
import dev.shipgate.scanner.terraform.hcl.Expr;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Terraform module: the {@code .tf} files of one directory, which share variables, locals and resource
 * names. Values are read through {@link #resolve}: {@code var.x} becomes the value Terraform loads
 * automatically ({@code terraform.tfvars}, then {@code *.auto.tfvars} in name order, the last one winning) or
 * else the variable's default, and {@code local.x} the local's expression; anything else (a variable without default, a resource attribute, a
 * function result) stays unknown, and unknown values are never judged.
 */
public final class Module {

  private static final Pattern VAR_OR_LOCAL = Pattern.compile("(var|local)\\.([A-Za-z_][\\w-]*)");
  /** {@code local.a = local.b = …} chains longer than this are not followed (and cycles end here). */
  private static final int MAX_HOPS = 16;

  private final String dir;
  private final List<TfFile> files;
  private final boolean complete;
  private final Project project;
  private final List<Resource> resources = new ArrayList<>();
  private final Map<String, List<Resource>> byType = new HashMap<>();
  private final List<Resource> data = new ArrayList<>();
  private final Map<String, Resource> variables = new HashMap<>();
  /** Values set in auto-loaded variable files, with the file that set them. */
  private final Map<String, Attribute> assigned = new HashMap<>();
  private final Map<String, String> assignedIn = new HashMap<>();
  private final Map<String, Attribute> locals = new HashMap<>();
  /** Indexes that checks build over the whole module, once each (see {@link #memo}). */
  private final Map<String, Object> memos = new ConcurrentHashMap<>();

  Module(String dir, List<TfFile> files, boolean complete, Project project) {
    this.dir = dir;
    this.files = List.copyOf(files);
    this.complete = complete;
    this.project = project;
    List<TfFile> values = new ArrayList<>();
    for (TfFile f : files) {
      if (f.variableValues()) {
        values.add(f);
        continue;
      }
      for (Block b : f.body().blocks()) {
        switch (b.type()) {
          case "resource" -> {
            Resource r = new Resource(f, b);
            resources.add(r);
            byType.computeIfAbsent(r.type(), t -> new ArrayList<>()).add(r);
          }
          case "data" -> data.add(new Resource(f, b));
          case "variable" -> variables.putIfAbsent(b.label(0), new Resource(f, b));
          case "locals" -> {
            for (Attribute a : b.body().attributes()) {
              locals.putIfAbsent(a.name(), a);
            }
          }
          default -> { }
        }
      }
    }
    // Terraform's order: terraform.tfvars first, then *.auto.tfvars by name; a later file wins.
    values.sort(Comparator.comparing((TfFile f) -> !f.source().name().startsWith("terraform.tfvars")).thenComparing(f -> f.source().name()));
    for (TfFile f : values) {
      for (Attribute a : f.body().attributes()) {
        assigned.put(a.name(), a);
        assignedIn.put(a.name(), f.source().name());
      }
    }
  }

  /** The directory, repository-relative ("" for the root). */
  public String dir() {
    return dir;
  }

  public List<TfFile> files() {
    return files;
  }

  /**
   * False when a file of the module could not be parsed: checks that judge something missing (no access block,
   * no encryption resource) stay silent then, because the missing piece may be in the broken file.
   */
  public boolean complete() {
    return complete;
  }

  public Project project() {
    return project;
  }

  public List<Resource> resources() {
    return resources;
  }

  public List<Resource> resources(String... types) {
    if (types.length == 1) {
      return byType.getOrDefault(types[0], List.of());
    }
    List<Resource> out = new ArrayList<>();
    for (Resource r : resources) {
      for (String t : types) {
        if (r.type().equals(t)) {
          out.add(r);
        }
      }
    }
    return out;
  }

  /**
   * A value computed once per module and key, for checks that would otherwise compare every resource with every
   * other one. The key names the index and its parameters; the value's type belongs to the key.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(String key, Supplier<T> compute) {
    return (T) memos.computeIfAbsent(key, k -> compute.get());
  }

  public List<Resource> data(String type) {
    List<Resource> out = new ArrayList<>();
    for (Resource r : data) {
      if (r.type().equals(type)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Follows {@code var.x} to its default and {@code local.x} to its value; returns the expression reached. */
  public Expr resolve(Expr e) {
    Expr current = e;
    for (int hop = 0; hop < MAX_HOPS && current instanceof Expr.Reference r; hop++) {
      Matcher m = VAR_OR_LOCAL.matcher(r.path());
      if (!m.matches()) {
        return current;
      }
      Expr next;
      if (m.group(1).equals("var")) {
        Resource v = variables.get(m.group(2));
        Attribute value = assigned.get(m.group(2));
        if (value == null && v != null) {
          value = v.attribute("default");
        }
        next = value == null ? null : value.value();
      } else {
        Attribute local = locals.get(m.group(2));
        next = local == null ? null : local.value();
      }
      if (next == null) {
        return current;
      }
      current = next;
    }
    return current;
  }

  /**
   * What a value was resolved through, for messages: "" when written in place, else e.g.
   * " (from the default of var.x)" or " (from var.x in terraform.tfvars)".
   */
  public String via(Expr e) {
    if (e instanceof Expr.Reference r && !r.equals(resolve(e))) {
      Matcher m = VAR_OR_LOCAL.matcher(r.path());
      if (m.matches()) {
        if (m.group(1).equals("local")) {
          return " (from " + r.path() + ")";
        }
        String file = assignedIn.get(m.group(2));
        return file != null ? " (from " + r.path() + " in " + file + ")" : " (from the default of " + r.path() + ")";
      }
    }
    return "";
  }

  /** The string value, or null when unknown. Numbers and booleans convert as Terraform converts them. */
  public String string(Expr e) {
    Expr v = e == null ? null : resolve(e);
    if (v instanceof Expr.Literal l && l.value() != null) {
      Object o = l.value();
      return o instanceof BigDecimal n ? n.toPlainString() : o.toString();
    }
    return null;
  }

  public String string(Attribute a) {
    return a == null ? null : string(a.value());
  }

  /** The boolean value ({@code true}, {@code "true"}), or null when unknown. */
  public Boolean bool(Expr e) {
    String s = string(e);
    if ("true".equals(s)) {
      return Boolean.TRUE;
    }
    return "false".equals(s) ? Boolean.FALSE : null;
  }

  public Boolean bool(Attribute a) {
    return a == null ? null : bool(a.value());
  }

  /** The items of a list or set ({@code [..]}, {@code toset([..])}, {@code concat(..)}), or null when unknown. */
  public List<Expr> items(Expr e) {
    Expr v = e == null ? null : resolve(e);
    if (v instanceof Expr.Tuple t) {
      return t.items();
    }
    if (v instanceof Expr.Call c && (c.name().equals("toset") || c.name().equals("tolist")) && c.args().size() == 1) {
      return items(c.args().get(0));
    }
    if (v instanceof Expr.Call c && c.name().equals("concat")) {
      List<Expr> out = new ArrayList<>();
      for (Expr arg : c.args()) {
        List<Expr> part = items(arg);
        if (part == null) {
          return null;
        }
        out.addAll(part);
      }
      return out;
    }
    return null;
  }

  /** The string items of a list; unknown items are left out. A lone string counts as a list of one. */
  public List<String> strings(Expr e) {
    List<Expr> items = items(e);
    List<String> out = new ArrayList<>();
    if (items == null) {
      String one = string(e);
      if (one != null) {
        out.add(one);
      }
      return out;
    }
    for (Expr i : items) {
      String s = string(i);
      if (s != null) {
        out.add(s);
      }
    }
    return out;
  }

  public List<String> strings(Attribute a) {
    return a == null ? List.of() : strings(a.value());
  }

  /** The source text of an expression in {@code file}, for reference matching. */
  public static String source(TfFile file, Expr e) {
    return file.text().substring(e.start(), e.end());
  }
}
