package dev.shipgate.scanner.deps;

import java.util.Optional;

/**
 * The versions a manifest range allows, when it has an upper bound: PEP 440 specifiers ({@code >=1.0,<2.0},
 * {@code <=1.4}, {@code ~=1.4.2}) and Maven ranges ({@code [1.0,2.0)}, {@code (,1.5]}). A range without an upper
 * bound resolves to whatever is newest at install time, so nothing can be said about it offline.
 *
 * @param lower the smallest allowed version, or "0" when the range has none
 */
record Interval(String lower, String upper, boolean upperInclusive) {

  static Optional<Interval> of(Ecosystem ecosystem, String range) {
    return switch (ecosystem) {
      case PYPI -> pep440(range);
      case MAVEN -> maven(range);
      default -> Optional.empty();
    };
  }

  private static Optional<Interval> pep440(String range) {
    String lower = "0";
    String upper = null;
    boolean inclusive = false;
    for (String part : range.split(",")) {
      String p = part.strip();
      if (p.startsWith("<=")) {
        upper = p.substring(2).strip();
        inclusive = true;
      } else if (p.startsWith("<")) {
        upper = p.substring(1).strip();
        inclusive = false;
      } else if (p.startsWith(">=") || p.startsWith("~=")) {
        lower = p.substring(2).strip();
        if (p.startsWith("~=")) {
          // ~=1.4.2 means >=1.4.2, ==1.4.*: the upper bound is the next release of the second-to-last part.
          String[] nums = lower.split("\\.");
          if (nums.length >= 2 && nums[nums.length - 2].matches("\\d+")) {
            StringBuilder u = new StringBuilder();
            for (int i = 0; i < nums.length - 2; i++) {
              u.append(nums[i]).append('.');
            }
            u.append(Long.parseLong(nums[nums.length - 2]) + 1);
            upper = u.toString();
            inclusive = false;
          }
        }
      } else if (p.startsWith(">")) {
        lower = p.substring(1).strip();
      } else if (!p.startsWith("!=")) {
        return Optional.empty(); // == with a wildcard, ===, or something we do not read
      }
    }
    return upper == null || upper.contains("*") || lower.contains("*") ? Optional.empty() : Optional.of(new Interval(lower, upper, inclusive));
  }

  private static Optional<Interval> maven(String range) {
    String r = range.strip();
    if (r.length() < 3 || "[(".indexOf(r.charAt(0)) < 0 || "])".indexOf(r.charAt(r.length() - 1)) < 0) {
      return Optional.empty();
    }
    String body = r.substring(1, r.length() - 1);
    if (body.contains("[") || body.contains("(") || body.contains("]") || body.contains(")")) {
      return Optional.empty(); // a union of ranges
    }
    int comma = body.indexOf(',');
    if (comma < 0 || body.indexOf(',', comma + 1) >= 0) {
      return Optional.empty();
    }
    String lower = body.substring(0, comma).strip();
    String upper = body.substring(comma + 1).strip();
    if (upper.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Interval(lower.isEmpty() ? "0" : lower, upper, r.endsWith("]")));
  }
}
