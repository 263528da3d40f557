package dev.shipgate.scanner.deps.osv;

import dev.shipgate.scanner.deps.version.VersionScheme;
import dev.shipgate.scanner.deps.version.VersionSchemes;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * OSV's affected-version semantics. A version is affected when it is listed in {@code versions}, or when a
 * {@code SEMVER} or {@code ECOSYSTEM} range includes it: events sorted by version are replayed
 * ({@code introduced} switches on, {@code fixed} switches off at that version, {@code last_affected} after
 * it), and when the range has {@code limit} events the version must also be below one of them.
 */
public final class RangeMatcher {

  private final VersionScheme ecosystemScheme;

  public RangeMatcher(VersionScheme ecosystemScheme) {
    this.ecosystemScheme = ecosystemScheme;
  }

  /**
   * Whether {@code entry} affects {@code version}. A version its scheme cannot parse (a git commit, a path)
   * is matched only against the explicit {@code versions} list, by exact text: ordering it against range
   * bounds would be a guess.
   */
  public boolean affects(OsvEntry entry, String version) {
    boolean valid = ecosystemScheme.isValid(version);
    for (String v : entry.versions()) {
      if (v.equals(version) || (valid && ecosystemScheme.compare(v, version) == 0)) {
        return true;
      }
    }
    for (OsvEntry.Range r : entry.ranges()) {
      String forRange = r.type().equals("SEMVER") && version.startsWith("v") ? version.substring(1) : version;
      if (scheme(r).isValid(forRange) && inRange(r, version)) {
        return true;
      }
    }
    return false;
  }

  private VersionScheme scheme(OsvEntry.Range r) {
    return r.type().equals("SEMVER") ? VersionSchemes.SEMVER : ecosystemScheme;
  }

  boolean inRange(OsvEntry.Range r, String version) {
    VersionScheme s = scheme(r);
    // SEMVER ranges carry no "v"; a Go version does: compare like with like.
    String v = r.type().equals("SEMVER") && version.startsWith("v") ? version.substring(1) : version;
    List<OsvEntry.Event> events = new ArrayList<>(r.events());
    Comparator<OsvEntry.Event> byVersion = (a, b) -> {
      boolean za = a.kind().equals("introduced") && a.version().equals("0");
      boolean zb = b.kind().equals("introduced") && b.version().equals("0");
      if (za || zb) {
        return za == zb ? 0 : (za ? -1 : 1);
      }
      int c = s.compare(a.version(), b.version());
      // At one version, "introduced" goes first: introduced X, fixed X is an empty range, not an open one.
      return c != 0 ? c : Boolean.compare(!a.kind().equals("introduced"), !b.kind().equals("introduced"));
    };
    events.sort(byVersion);
    boolean affected = false;
    boolean hasLimit = false;
    boolean belowLimit = false;
    for (OsvEntry.Event e : events) {
      switch (e.kind()) {
        case "introduced" -> {
          if (e.version().equals("0") || s.compare(v, e.version()) >= 0) {
            affected = true;
          }
        }
        case "fixed" -> {
          if (s.compare(v, e.version()) >= 0) {
            affected = false;
          }
        }
        case "last_affected" -> {
          if (s.compare(v, e.version()) > 0) {
            affected = false;
          }
        }
        case "limit" -> {
          hasLimit = true;
          if (e.version().equals("*") || s.compare(v, e.version()) < 0) {
            belowLimit = true;
          }
        }
        default -> {}
      }
    }
    return affected && (!hasLimit || belowLimit);
  }

  /**
   * Whether every version from {@code lower} up to {@code upper} is affected: {@code lower} is, and no event of
   * any range falls strictly inside the interval (or, for an inclusive upper bound, a fix at it), so nothing
   * switches the state between the bounds. Used for manifest ranges, where the installed version is unknown.
   */
  public boolean affectsAll(OsvEntry entry, String lower, String upper, boolean upperInclusive) {
    if (!ecosystemScheme.isValid(lower) || !ecosystemScheme.isValid(upper) || !affects(entry, lower)) {
      return false;
    }
    for (OsvEntry.Range r : entry.ranges()) {
      VersionScheme s = scheme(r);
      for (OsvEntry.Event e : r.events()) {
        if (e.kind().equals("introduced") && e.version().equals("0")) {
          continue;
        }
        int fromLower = s.compare(e.version(), lower);
        int toUpper = s.compare(e.version(), upper);
        boolean inside = fromLower > 0 && toUpper < 0;
        boolean closesAtUpper = upperInclusive && toUpper == 0 && !e.kind().equals("last_affected") && !e.kind().equals("introduced");
        boolean endsAtLower = fromLower == 0 && e.kind().equals("last_affected") && s.compare(lower, upper) < 0;
        if (inside || closesAtUpper || endsAtLower) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * The smallest {@code fixed} version above {@code version} that none of {@code entries} affects, or null
   * when no such version is known (no fix, or every fix is itself affected by another range).
   */
  public String smallestFix(Collection<OsvEntry> entries, String version) {
    List<String> candidates = new ArrayList<>();
    for (OsvEntry e : entries) {
      for (OsvEntry.Range r : e.ranges()) {
        for (OsvEntry.Event ev : r.events()) {
          if (ev.kind().equals("fixed") && ecosystemScheme.compare(ev.version(), version) > 0) {
            candidates.add(ev.version());
          }
        }
      }
    }
    candidates.sort(ecosystemScheme);
    for (String c : candidates) {
      boolean clean = true;
      for (OsvEntry e : entries) {
        if (affects(e, c)) {
          clean = false;
          break;
        }
      }
      if (clean) {
        return c;
      }
    }
    return null;
  }
}
