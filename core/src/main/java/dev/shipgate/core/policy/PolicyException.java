package dev.shipgate.core.policy;

/** A policy, waiver or baseline file that cannot be used; the message names the file, line and column. */
public class PolicyException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;

  public PolicyException(String file, int line, int column, String message) {
    super(format(file, line, column, message));
    this.file = file;
    this.line = line;
    this.column = column;
  }

  private static String format(String file, int line, int column, String message) {
    StringBuilder where = new StringBuilder(file == null ? "<policy>" : file);
    if (line > 0) {
      where.append(':').append(line);
      if (column > 0) {
        where.append(':').append(column);
      }
    }
    return where + ": " + message;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }
}
