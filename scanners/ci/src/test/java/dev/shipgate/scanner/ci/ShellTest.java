package dev.shipgate.scanner.ci;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShellTest {

  @Test
  void downloadsExecutedByAnInterpreterAreFound() {
    for (String line : new String[] {
        "curl -fsSL https://x.sh | bash", "curl -s https://x | sudo -E bash -s -- --yes", "wget -qO- https://x | sh",
        "bash <(curl -s https://x)", "sh -c \"$(curl -fsSL https://x)\"", "curl https://x | python3 -", "curl https://x | python",
        "iwr https://x | iex", "source <(curl -s https://x)"}) {
      assertThat(Shell.downloadIntoInterpreter(line)).as(line).isNotNull();
    }
  }

  @Test
  void downloadsKeptAsDataAreNot() {
    for (String line : new String[] {
        "curl -fsSLo install.sh https://x", "curl -s https://x | jq .", "curl https://x | python3 -m json.tool",
        "curl https://x | shasum -a 256", "curl https://x | tee out.txt", "echo curl | bash-completion"}) {
      assertThat(Shell.downloadIntoInterpreter(line)).as(line).isNull();
    }
  }

  @Test
  void quotingIsTrackedThroughCommentsEscapesAndHereDocuments() {
    String script = "# don't\necho \"a $X\" 'b' \\\" c\ncat <<EOF\nbody\nEOF\ncat <<'END'\nraw\nEND\ntail";
    assertThat(Shell.quoteAt(script, script.indexOf("a $X"))).isEqualTo(Shell.Quote.DOUBLE);
    assertThat(Shell.quoteAt(script, script.indexOf("b'"))).isEqualTo(Shell.Quote.SINGLE);
    assertThat(Shell.quoteAt(script, script.indexOf(" c"))).isEqualTo(Shell.Quote.NONE);
    assertThat(Shell.quoteAt(script, script.indexOf("body"))).isEqualTo(Shell.Quote.HEREDOC);
    assertThat(Shell.quoteAt(script, script.indexOf("raw"))).isEqualTo(Shell.Quote.QUOTED_HEREDOC);
    assertThat(Shell.quoteAt(script, script.indexOf("tail"))).isEqualTo(Shell.Quote.NONE);
  }
}
