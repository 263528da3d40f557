package dev.shipgate.scanner.terraform.hcl;

/**
 * One lexical token. {@code text} is the decoded value for strings and heredocs (interpolations kept as written),
 * the source text otherwise; {@code interpolated} is true for strings and heredocs holding {@code ${…}} or
 * {@code %{…}}.
 */
record Token(Kind kind, String text, int start, int end, boolean interpolated) {

  enum Kind { IDENT, NUMBER, STRING, HEREDOC, PUNCT, NEWLINE, EOF }

  boolean is(String punct) {
    return kind == Kind.PUNCT && text.equals(punct);
  }

  boolean isIdent(String word) {
    return kind == Kind.IDENT && text.equals(word);
  }

  String describe() {
    return switch (kind) {
      case EOF -> "end of file";
      case NEWLINE -> "end of line";
      case STRING -> "a string";
      case HEREDOC -> "a heredoc";
      default -> "'" + text + "'";
    };
  }
}
