package dev.shipgate.scanner.deps;

import dev.shipgate.core.model.Fix;
import dev.shipgate.scanner.deps.extract.Extractor;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mechanical fix of a known advisory: rewrite the version the manifest itself declares to the smallest
 * fixed version. Only versions written in the manifest are touched: a {@code pom.xml} dependency's
 * {@code <version>} (or the property of the same file it names) and a {@code requirements*.txt} {@code ==}
 * pin. Lockfile versions are left alone: re-locking (new {@code resolved} URL and integrity hash) needs the
 * package manager, which shipgate never runs, so npm, yarn, Cargo... findings get no fix; editing only
 * {@code package.json} would leave the locked version installed, and the re-scan of {@code shipgate fix}
 * would rightly refuse it.
 */
final class UpgradeFix {

  private static final Pattern POM_VERSION = Pattern.compile("<version>\\s*([^<]*?)\\s*</version>");
  private static final Pattern PROPERTY_REF = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)}");

  private UpgradeFix() {}

  /** The edit that moves {@code p} to {@code fixed}, if its manifest states the version in a form we can edit. */
  static Optional<Fix> of(Package p, String fixed, String manifestText) {
    if (manifestText == null || fixed == null || fixed.isBlank() || p.line() <= 0) {
      return Optional.empty();
    }
    String name = Extractor.fileName(p.manifest());
    Optional<int[]> range;
    if (name.equals("pom.xml") && p.ecosystem() == Ecosystem.MAVEN && p.direct()) {
      range = pomVersion(manifestText, p);
    } else if (name.startsWith("requirements") && p.ecosystem() == Ecosystem.PYPI) {
      range = requirementPin(manifestText, p);
    } else {
      range = Optional.empty();
    }
    return range.map(r -> Fix.of("upgrade " + p.name() + " from " + p.version() + " to " + fixed,
        new Fix.Edit(p.manifest(), r[0], r[1], fixed)));
  }

  /** The {@code <version>} text of the dependency element that starts on the package's line, or its property. */
  private static Optional<int[]> pomVersion(String text, Package p) {
    int from = lineStart(text, p.line());
    int open = text.indexOf("<dependency>", from);
    int close = open < 0 ? -1 : text.indexOf("</dependency>", open);
    if (open < 0 || close < 0 || open > lineEnd(text, p.line())) {
      return Optional.empty();
    }
    Matcher m = POM_VERSION.matcher(text).region(open, close);
    if (!m.find()) {
      return Optional.empty(); // managed by a parent or dependencyManagement: the fix belongs there
    }
    String declared = m.group(1);
    if (declared.equals(p.version())) {
      return Optional.of(new int[] {m.start(1), m.end(1)});
    }
    Matcher ref = PROPERTY_REF.matcher(declared);
    if (!ref.matches()) {
      return Optional.empty();
    }
    Matcher prop = Pattern.compile("<" + Pattern.quote(ref.group(1)) + ">\\s*([^<]*?)\\s*</" + Pattern.quote(ref.group(1)) + ">").matcher(text);
    int props = text.indexOf("<properties>");
    if (props < 0 || !prop.find(props) || !prop.group(1).equals(p.version())) {
      return Optional.empty();
    }
    return Optional.of(new int[] {prop.start(1), prop.end(1)});
  }

  /** {@code name==version} on the package's line (extras, markers and comments around it are kept). */
  private static Optional<int[]> requirementPin(String text, Package p) {
    int start = lineStart(text, p.line());
    String line = text.substring(start, lineEnd(text, p.line()));
    Matcher m = Pattern.compile("===?\\s*(" + Pattern.quote(p.version()) + ")(?![\\w.*+!-])").matcher(line);
    return m.find() ? Optional.of(new int[] {start + m.start(1), start + m.end(1)}) : Optional.empty();
  }

  private static int lineStart(String text, int line) {
    int at = 0;
    for (int l = 1; l < line; l++) {
      int nl = text.indexOf('\n', at);
      if (nl < 0) {
        return text.length();
      }
      at = nl + 1;
    }
    return at;
  }

  private static int lineEnd(String text, int line) {
    int start = lineStart(text, line);
    int nl = text.indexOf('\n', start);
    return nl < 0 ? text.length() : nl;
  }
}
