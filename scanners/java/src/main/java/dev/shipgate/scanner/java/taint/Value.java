package dev.shipgate.scanner.java.taint;

import dev.shipgate.core.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The abstract value of an expression: a constant when known, the taint facts on it, and for maps, lists
 * and arrays the values at constant keys or indexes, so {@code map.get("b")} does not see what was put
 * under {@code "a"}. Immutable.
 */
public final class Value {

  static final int MAX_FACTS = 4;
  static final int MAX_ENTRIES = 64;

  public static final Value UNKNOWN = new Value(null, List.of(), null, null);

  private final Object constant;
  private final List<Fact> facts;
  private final Map<Object, Value> keyed;
  private final List<Value> elements;
  /** Fields of an object by name, as far as calls on it stored something (setters, constructors); else null. */
  private final Map<String, Value> fields;
  /**
   * The class of the object when more is known than the declared type ({@code new C()}, a static factory's
   * return type), so a call on an interface-typed variable reaches that class's method only; else null.
   */
  private final String runtimeType;

  Value(Object constant, List<Fact> facts, Map<Object, Value> keyed, List<Value> elements) {
    this(constant, facts, keyed, elements, null, null);
  }

  Value(Object constant, List<Fact> facts, Map<Object, Value> keyed, List<Value> elements, Map<String, Value> fields) {
    this(constant, facts, keyed, elements, fields, null);
  }

  private Value(Object constant, List<Fact> facts, Map<Object, Value> keyed, List<Value> elements,
      Map<String, Value> fields, String runtimeType) {
    this.constant = constant;
    this.facts = facts;
    this.keyed = keyed;
    this.elements = elements;
    this.fields = fields;
    this.runtimeType = runtimeType;
  }

  /** The object's class when known more precisely than its declared type, else null. */
  public String runtimeType() {
    return runtimeType;
  }

  Value withRuntimeType(String type) {
    return new Value(constant, facts, keyed, elements, fields, type);
  }

  public static Value constant(Object c) {
    return c == null ? UNKNOWN : new Value(c, List.of(), null, null);
  }

  static Value of(List<Fact> facts) {
    return facts.isEmpty() ? UNKNOWN : new Value(null, cap(facts), null, null);
  }

  static Value emptyMap() {
    return new Value(null, List.of(), Map.of(), null);
  }

  static Value list(List<Value> elements) {
    if (elements.size() > MAX_ENTRIES) {
      return of(deep(elements));
    }
    return new Value(null, List.of(), null, List.copyOf(elements));
  }

  /** The constant (String, boxed primitive) when the value is known, else null. */
  public Object constant() {
    return constant;
  }

  /** Facts on the value itself (for a container: on contents at unknown keys). */
  public List<Fact> facts() {
    return facts;
  }

  Map<Object, Value> keyed() {
    return keyed;
  }

  List<Value> elements() {
    return elements;
  }

  public boolean isContainer() {
    return keyed != null || elements != null;
  }

  Map<String, Value> fields() {
    return fields;
  }

  /** This object with {@code v} joined into its field {@code name}. */
  Value withField(String name, Value v) {
    Map<String, Value> f = fields == null ? new LinkedHashMap<>() : new LinkedHashMap<>(fields);
    f.merge(name, v, Value::join);
    if (f.size() > MAX_ENTRIES) {
      return withFacts(v.deepFacts());
    }
    return new Value(constant, facts, keyed, elements, f, runtimeType);
  }

  /** This object with its field {@code name} set to {@code v}, replacing what the field held. */
  Value withFieldReplaced(String name, Value v) {
    Map<String, Value> f = fields == null ? new LinkedHashMap<>() : new LinkedHashMap<>(fields);
    f.put(name, v);
    if (f.size() > MAX_ENTRIES) {
      return withFacts(v.deepFacts());
    }
    return new Value(constant, facts, keyed, elements, f, runtimeType);
  }

  /** Every fact on the value and anything it contains. */
  public List<Fact> deepFacts() {
    if (!isContainer() && fields == null) {
      return facts;
    }
    List<Fact> out = new ArrayList<>(facts);
    if (fields != null) {
      for (Value v : fields.values()) {
        out.addAll(v.deepFacts());
      }
    }
    if (keyed != null) {
      for (Value v : keyed.values()) {
        out.addAll(v.deepFacts());
      }
    }
    if (elements != null) {
      for (Value v : elements) {
        out.addAll(v.deepFacts());
      }
    }
    return cap(out);
  }

  public boolean hasSourceOfKind(String kind) {
    for (Fact f : deepFacts()) {
      if (f.isSource() && f.sourceKind().equals(kind)) {
        return true;
      }
    }
    return false;
  }

  Value withConstant(Object c) {
    return new Value(c, facts, keyed, elements, fields, runtimeType);
  }

  Value withFacts(List<Fact> more) {
    if (more.isEmpty()) {
      return this;
    }
    List<Fact> all = new ArrayList<>(facts);
    all.addAll(more);
    return new Value(constant, cap(all), keyed, elements, fields, runtimeType);
  }

  Value withKeyed(Map<Object, Value> k) {
    return new Value(null, facts, k, null);
  }

  Value withElements(List<Value> e) {
    if (e != null && e.size() > MAX_ENTRIES) {
      return of(deep(e)).withFacts(facts);
    }
    return new Value(null, facts, null, e);
  }

  /** Flattens a container into a plain value carrying all its facts. */
  Value collapse() {
    return isContainer() ? of(deepFacts()) : this;
  }

  /** A non-container copy with only the facts, no constant (the result of an opaque transformation). */
  Value taintOnly() {
    return of(deepFacts());
  }

  Value step(Location where, String message) {
    if (!isContainer() && fields == null && facts.isEmpty()) {
      return this;
    }
    return map(f -> f.withPath(f.path().then(where, message)));
  }

  Value sanitize(long bits) {
    return map(f -> f.sanitize(bits));
  }

  /**
   * The value converted to a number or boolean: request data does not survive (no injection fits in a
   * number), weak randomness does. Parameter and receiver facts of a summary stand for whatever the caller
   * passes, so they are kept for randomness but marked sanitized for every taint rule.
   */
  Value toNumber() {
    List<Fact> kept = new ArrayList<>();
    for (Fact f : deepFacts()) {
      if (!f.isSource()) {
        kept.add(f.sanitize(-1L));
      } else if (!f.sourceKind().equals("remote")) {
        kept.add(f);
      }
    }
    return new Value(constant, cap(kept), null, null);
  }

  private Value map(java.util.function.UnaryOperator<Fact> op) {
    List<Fact> fs = new ArrayList<>(facts.size());
    for (Fact f : facts) {
      fs.add(op.apply(f));
    }
    Map<Object, Value> k = null;
    if (keyed != null) {
      k = new LinkedHashMap<>();
      for (Map.Entry<Object, Value> e : keyed.entrySet()) {
        k.put(e.getKey(), e.getValue().map(op));
      }
    }
    List<Value> el = null;
    if (elements != null) {
      el = new ArrayList<>();
      for (Value v : elements) {
        el.add(v.map(op));
      }
    }
    Map<String, Value> fl = null;
    if (fields != null) {
      fl = new LinkedHashMap<>();
      for (Map.Entry<String, Value> e : fields.entrySet()) {
        fl.put(e.getKey(), e.getValue().map(op));
      }
    }
    return new Value(constant, fs, k, el, fl, runtimeType);
  }

  /** Least upper bound: constants survive only when equal, facts are united, containers joined by key. */
  static Value join(Value a, Value b) {
    if (a == null) {
      return b;
    }
    if (b == null || a == b) {
      return a;
    }
    Object c = Objects.equals(a.constant, b.constant) ? a.constant : null;
    List<Fact> fs = a.facts;
    if (!b.facts.isEmpty()) {
      fs = new ArrayList<>(a.facts);
      fs.addAll(b.facts);
      fs = cap(fs);
    }
    Map<Object, Value> k = null;
    List<Value> el = null;
    if (a.keyed != null && b.keyed != null) {
      k = new LinkedHashMap<>(a.keyed);
      for (Map.Entry<Object, Value> e : b.keyed.entrySet()) {
        k.merge(e.getKey(), e.getValue(), Value::join);
      }
    } else if (a.elements != null && b.elements != null && a.elements.size() == b.elements.size()) {
      el = new ArrayList<>();
      for (int i = 0; i < a.elements.size(); i++) {
        el.add(join(a.elements.get(i), b.elements.get(i)));
      }
    } else if (a.isContainer() || b.isContainer()) {
      List<Fact> all = new ArrayList<>(a.deepFacts());
      all.addAll(b.deepFacts());
      return new Value(null, cap(all), null, null);
    }
    Map<String, Value> fl = null;
    if (a.fields != null || b.fields != null) {
      fl = new LinkedHashMap<>(a.fields == null ? Map.of() : a.fields);
      if (b.fields != null) {
        for (Map.Entry<String, Value> e : b.fields.entrySet()) {
          fl.merge(e.getKey(), e.getValue(), Value::join);
        }
      }
    }
    return new Value(c, fs, k, el, fl, Objects.equals(a.runtimeType, b.runtimeType) ? a.runtimeType : null);
  }

  static List<Fact> deep(List<Value> values) {
    List<Fact> out = new ArrayList<>();
    for (Value v : values) {
      out.addAll(v.deepFacts());
    }
    return cap(out);
  }

  /** De-duplicates by key and keeps at most {@link #MAX_FACTS}, sources first, so values stay small. */
  static List<Fact> cap(List<Fact> facts) {
    if (facts.size() <= 1) {
      return facts;
    }
    Map<String, Fact> unique = new LinkedHashMap<>();
    for (Fact f : facts) {
      if (f.isSource()) {
        unique.putIfAbsent(f.key(), f);
      }
    }
    for (Fact f : facts) {
      if (!f.isSource()) {
        unique.putIfAbsent(f.key(), f);
      }
    }
    List<Fact> out = new ArrayList<>(unique.values());
    return out.size() > MAX_FACTS ? List.copyOf(out.subList(0, MAX_FACTS)) : out;
  }

  /** Same constant and same fact keys, structure included; used to detect a stable loop or summary. */
  boolean sameAs(Value o) {
    if (this == o) {
      return true;
    }
    if (!Objects.equals(constant, o.constant) || !Objects.equals(runtimeType, o.runtimeType) || facts.size() != o.facts.size()) {
      return false;
    }
    for (int i = 0; i < facts.size(); i++) {
      if (!facts.get(i).key().equals(o.facts.get(i).key())) {
        return false;
      }
    }
    if ((keyed == null) != (o.keyed == null) || (elements == null) != (o.elements == null)) {
      return false;
    }
    if (keyed != null) {
      if (!keyed.keySet().equals(o.keyed.keySet())) {
        return false;
      }
      for (Map.Entry<Object, Value> e : keyed.entrySet()) {
        if (!e.getValue().sameAs(o.keyed.get(e.getKey()))) {
          return false;
        }
      }
    }
    if (elements != null) {
      if (elements.size() != o.elements.size()) {
        return false;
      }
      for (int i = 0; i < elements.size(); i++) {
        if (!elements.get(i).sameAs(o.elements.get(i))) {
          return false;
        }
      }
    }
    if ((fields == null) != (o.fields == null)) {
      return false;
    }
    if (fields != null) {
      if (!fields.keySet().equals(o.fields.keySet())) {
        return false;
      }
      for (Map.Entry<String, Value> e : fields.entrySet()) {
        if (!e.getValue().sameAs(o.fields.get(e.getKey()))) {
          return false;
        }
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "Value{" + (constant == null ? "" : "const=" + constant + " ") + "facts=" + facts.size()
        + (keyed != null ? " keys=" + keyed.keySet() : "") + (elements != null ? " elements=" + elements.size() : "") + "}";
  }
}
