package dev.shipgate.scanner.change;

/** A complete change note naming the given files. */
final class CompleteNote {

  private CompleteNote() {}

  static String text(String... files) {
    StringBuilder t = new StringBuilder("# AI assistance note\n\n## Tools used\n\nClaude Code (Sonnet 4.5) for the first draft.\n\n");
    t.append("## Files generated or heavily modified\n\n");
    for (String f : files) {
      t.append("- `").append(f).append("`\n");
    }
    t.append("\n## Security assumptions\n\nOnly authenticated callers reach this code; the user name is never trusted.\n\n");
    t.append("## Data handling\n\nOnly the files above were shared with the tool; no customer data or secrets.\n");
    return t.toString();
  }
}
