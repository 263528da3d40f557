package dev.shipgate.scanner.java.rules;

import dev.shipgate.core.model.Fix;
import dev.shipgate.core.scan.SourceFile;

/**
 * Inserting whole statements before a line, for fixes that add a call before the statement that needs it.
 * Offered only when the line follows a completed statement or block, so that the insertion cannot fall
 * under a brace-less {@code if} or loop and change what runs.
 */
final class StatementInsert {

  private StatementInsert() {}

  /** An edit inserting {@code statements} (each without indentation) before {@code line}, or null when unsafe. */
  static Fix.Edit before(SourceFile file, String path, int line, String... statements) {
    if (!followsCompleteStatement(file, line)) {
      return null;
    }
    String text = file.line(line);
    String indent = text.substring(0, text.length() - text.stripLeading().length());
    String newline = file.text().contains("\r\n") ? "\r\n" : "\n";
    StringBuilder insert = new StringBuilder();
    for (String s : statements) {
      insert.append(indent).append(s).append(newline);
    }
    return Fix.Edit.insert(path, file.lineStart(line), insert.toString());
  }

  private static boolean followsCompleteStatement(SourceFile file, int line) {
    for (int l = line - 1; l >= 1; l--) {
      String text = file.line(l).strip();
      if (!text.isEmpty() && !text.startsWith("//")) {
        return text.endsWith(";") || text.endsWith("{") || text.endsWith("}");
      }
    }
    return true;
  }
}
