package dev.shipgate.scanner.deps;

import dev.shipgate.scanner.deps.Package.Pin;
import dev.shipgate.scanner.deps.osv.OsvRecords;
import dev.shipgate.scanner.deps.version.VersionScheme;
import dev.shipgate.scanner.deps.version.VersionSchemes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a change does to the dependencies, as one list: packages added, removed, upgraded and downgraded (by the
 * ecosystem's own version order), and the packages that become direct dependencies. Packages are the same when
 * ecosystem and matching name agree (PEP 503 for PyPI), wherever in the repository they are declared; a package
 * with several versions is compared by its highest.
 */
public record InventoryDiff(List<Change> added, List<Change> removed, List<Change> upgraded, List<Change> downgraded,
    List<Change> newDirect) {

  /**
   * One package's change. {@code from}/{@code to} are versions ("" when absent); {@code manifest} and {@code line}
   * say where the after side declares it (the before side for removals).
   */
  public record Change(Ecosystem ecosystem, String name, String from, String to, boolean direct, String manifest, int line) {
    @Override
    public String toString() {
      String v = from.isEmpty() || from.equals(to) ? to : to.isEmpty() ? from : from + " -> " + to;
      return ecosystem.purlType() + ":" + name + (v.isEmpty() ? "" : " " + v) + (direct ? " (direct)" : "");
    }
  }

  public InventoryDiff {
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    upgraded = List.copyOf(upgraded);
    downgraded = List.copyOf(downgraded);
    newDirect = List.copyOf(newDirect);
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && upgraded.isEmpty() && downgraded.isEmpty() && newDirect.isEmpty();
  }

  /** "added: npm:left-pad 1.3.0 (direct); upgraded: maven:… 1.0 -> 2.0", or "no package changes". */
  public String summary() {
    List<String> parts = new ArrayList<>();
    part(parts, "added", added);
    part(parts, "removed", removed);
    part(parts, "upgraded", upgraded);
    part(parts, "downgraded", downgraded);
    List<Change> promoted = newDirect.stream().filter(c -> !added.contains(c)).toList();
    part(parts, "now direct", promoted);
    return parts.isEmpty() ? "no package changes" : String.join("; ", parts);
  }

  private static void part(List<String> parts, String label, List<Change> changes) {
    if (!changes.isEmpty()) {
      parts.add(label + ": " + String.join(", ", changes.stream().map(Change::toString).toList()));
    }
  }

  private static final class Entry {
    final Package first;
    final List<String> versions = new ArrayList<>();
    boolean direct;

    Entry(Package first) {
      this.first = first;
    }
  }

  public static InventoryDiff of(List<Package> before, List<Package> after) {
    Map<String, Entry> b = index(before);
    Map<String, Entry> a = index(after);
    List<Change> added = new ArrayList<>();
    List<Change> removed = new ArrayList<>();
    List<Change> upgraded = new ArrayList<>();
    List<Change> downgraded = new ArrayList<>();
    List<Change> newDirect = new ArrayList<>();
    for (Map.Entry<String, Entry> e : a.entrySet()) {
      Entry now = e.getValue();
      Entry was = b.get(e.getKey());
      String to = highest(now);
      if (was == null) {
        Change c = change(now, "", to);
        added.add(c);
        if (now.direct) {
          newDirect.add(c);
        }
        continue;
      }
      String from = highest(was);
      int cmp = from.isEmpty() || to.isEmpty() ? 0 : scheme(now).compare(to, from);
      Change c = change(now, from, to);
      if (cmp > 0) {
        upgraded.add(c);
      } else if (cmp < 0) {
        downgraded.add(c);
      }
      if (now.direct && !was.direct) {
        newDirect.add(c);
      }
    }
    for (Map.Entry<String, Entry> e : b.entrySet()) {
      if (!a.containsKey(e.getKey())) {
        removed.add(change(e.getValue(), highest(e.getValue()), ""));
      }
    }
    return new InventoryDiff(added, removed, upgraded, downgraded, newDirect);
  }

  private static Change change(Entry e, String from, String to) {
    Package p = e.first;
    return new Change(p.ecosystem(), p.name(), from, to, e.direct, p.manifest(), p.line());
  }

  private static Map<String, Entry> index(List<Package> packages) {
    Map<String, Entry> out = new LinkedHashMap<>();
    for (Package p : packages) {
      Entry e = out.computeIfAbsent(p.ecosystem() + "\u0000" + OsvRecords.key(p), k -> new Entry(p));
      if (p.pin() == Pin.LOCKED || p.pin() == Pin.PINNED) {
        e.versions.add(p.version());
      }
      e.direct |= p.direct();
    }
    return out;
  }

  /** The highest exact version, or "" when only ranges or nothing are known. */
  private static String highest(Entry e) {
    VersionScheme s = scheme(e);
    return e.versions.stream().max(s).orElse("");
  }

  private static VersionScheme scheme(Entry e) {
    return VersionSchemes.of(e.first.ecosystem());
  }
}
