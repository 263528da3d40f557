package dev.shipgate.scanner.java.taint;

import dev.shipgate.core.model.Location;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What a method does with taint, as seen from its callers: which facts its return value carries (sources
 * inside it, or its parameters / receiver fields) and which parameters reach which sinks.
 */
final class Summary {

  /** A parameter (or the receiver, {@link Fact#RECEIVER}) that reaches a sink inside the method. */
  /**
   * {@code exact}: the sink call was resolved through a qualified type, not guessed from a simple name.
   * {@code guard}/{@code guardKind}: the sink only counts when parameter {@code guard} carries a marker of
   * that kind (a response writer handed to a helper); -1 when unconditional. With a guard, {@code origin}
   * may be {@link Fact#SOURCE}: the data came from a source inside the method.
   */
  record SinkHit(int origin, String rule, Location sink, long sanitized, Step path, String sinkLabel, boolean exact,
      int guard, String guardKind, String originKind) {
    SinkHit(int origin, String rule, Location sink, long sanitized, Step path, String sinkLabel, boolean exact,
        String originKind) {
      this(origin, rule, sink, sanitized, path, sinkLabel, exact, -1, null, originKind);
    }

    String key() {
      return origin + "|" + originKind + "|" + rule + "|" + sink + "|" + sanitized + "|" + guard;
    }
  }

  static final Summary EMPTY = new Summary(List.of(), List.of(), Map.of());
  static final int MAX_HITS = 32;

  final List<Fact> returns;
  final List<SinkHit> hits;
  /** Facts the method stores in fields of its receiver, by field name. */
  final Map<String, List<Fact>> receiverWrites;
  /** The class of every returned object when all returns agree ({@code return new C()}), else null. */
  final String returnType;
  /** The constant every return yields whatever the arguments, else null. */
  final Object returnConstant;
  /** The receiver field every return reads ({@code return this.f;}: a getter), else null. */
  final String returnField;
  /** Facts the method puts into a view model ({@code model.addAttribute(name, v)}), by attribute name. */
  final Map<String, List<Fact>> modelWrites;
  /** Content types the method leaves set on its response parameters, by parameter index. */
  final Map<Integer, Object> contentTypes;
  /** The parameter every return hands back unchanged, or -1. */
  final int returnParam;
  /**
   * Receiver fields the method assigns on every normal path (a setter's field): a call replaces what earlier calls
   * stored there instead of adding to it.
   */
  final java.util.Set<String> overwrites;

  Summary(List<Fact> returns, List<SinkHit> hits, Map<String, List<Fact>> receiverWrites) {
    this(returns, hits, receiverWrites, null, null, null, Map.of(), Map.of(), -1, java.util.Set.of());
  }

  Summary(List<Fact> returns, List<SinkHit> hits, Map<String, List<Fact>> receiverWrites, String returnType,
      Object returnConstant, String returnField, Map<String, List<Fact>> modelWrites, Map<Integer, Object> contentTypes,
      int returnParam, java.util.Set<String> overwrites) {
    this.returns = returns;
    this.overwrites = overwrites;
    this.returnParam = returnParam;
    this.contentTypes = contentTypes;
    this.returnField = returnField;
    this.modelWrites = modelWrites;
    this.receiverWrites = receiverWrites;
    this.returnType = returnType;
    this.returnConstant = returnConstant;
    Map<String, SinkHit> unique = new LinkedHashMap<>();
    for (SinkHit h : hits) {
      if (unique.size() < MAX_HITS) {
        unique.putIfAbsent(h.key(), h);
      }
    }
    this.hits = new ArrayList<>(unique.values());
  }

  boolean sameAs(Summary o) {
    return keys(returns).equals(keys(o.returns)) && hitKeys(hits).equals(hitKeys(o.hits))
        && writeKeys(receiverWrites).equals(writeKeys(o.receiverWrites)) && Objects.equals(returnType, o.returnType)
        && Objects.equals(returnConstant, o.returnConstant) && Objects.equals(returnField, o.returnField)
        && writeKeys(modelWrites).equals(writeKeys(o.modelWrites)) && contentTypes.equals(o.contentTypes)
        && returnParam == o.returnParam && overwrites.equals(o.overwrites);
  }

  /** Whether callers can learn anything from this summary (else they need no re-analysis when it first appears). */
  boolean isEmpty() {
    return returns.isEmpty() && hits.isEmpty() && receiverWrites.isEmpty() && returnType == null && returnConstant == null
        && modelWrites.isEmpty() && contentTypes.isEmpty() && returnParam < 0 && overwrites.isEmpty();
  }

  private static TreeSet<String> keys(List<Fact> facts) {
    TreeSet<String> s = new TreeSet<>();
    for (Fact f : facts) {
      s.add(f.key());
    }
    return s;
  }

  private static TreeSet<String> writeKeys(Map<String, List<Fact>> writes) {
    TreeSet<String> s = new TreeSet<>();
    for (Map.Entry<String, List<Fact>> e : writes.entrySet()) {
      for (Fact f : e.getValue()) {
        s.add(e.getKey() + "=" + f.key());
      }
    }
    return s;
  }

  private static TreeSet<String> hitKeys(List<SinkHit> hits) {
    TreeSet<String> s = new TreeSet<>();
    for (SinkHit h : hits) {
      s.add(h.key());
    }
    return s;
  }
}
