package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangeNoteTest {

  @Test
  void completeNoteHasNoGapsAndListsItsFiles() {
    ChangeNote n = ChangeNote.parse("n.md", CompleteNote.text("src/A.java", "./src/B.java"));
    assertThat(n.incomplete()).isEmpty();
    assertThat(n.namedFiles()).extracting(ChangeNote.Item::value).containsExactly("src/A.java", "src/B.java");
  }

  @Test
  void templateAndPlaceholdersAreNotContent() {
    ChangeNote n = ChangeNote.parse("n.md", ChangeNote.template());
    assertThat(n.incomplete()).containsExactly(ChangeNote.Section.values());
    ChangeNote todo = ChangeNote.parse("n.md", "## Tools\nTODO\n## Files\n- <path>\n## Security assumptions\nTBD\n## Data handling\n<!-- what was shared -->\n");
    assertThat(todo.incomplete()).hasSize(4);
  }

  @Test
  void hostileLinesParseInLinearTime() {
    // Quadratic matching would take minutes on these lines; linear matching takes milliseconds.
    String text = "# " + " ".repeat(100_000) + "x\n## Files\n- " + "a".repeat(100_000) + "\n" + "<x".repeat(50_000) + "\n<!-- unclosed";
    long start = System.nanoTime();
    ChangeNote n = ChangeNote.parse("n.md", text);
    assertThat((System.nanoTime() - start) / 1_000_000).as("milliseconds").isLessThan(5000);
    assertThat(n.namedFiles()).hasSize(1);
  }

  @Test
  void headingsAreRecognisedLooselyButNotInsideCodeFences() {
    ChangeNote n = ChangeNote.parse("n.md", """
        ### AI tool(s) used
        Copilot
        ```
        ## Security assumptions
        ```
        #### Files generated
        * src/x.py: most of it
        ## Data-handling statement
        Nothing but this repository.
        """);
    assertThat(n.incomplete()).containsExactly(ChangeNote.Section.SECURITY);
    assertThat(n.namedFiles()).extracting(ChangeNote.Item::value, ChangeNote.Item::line).containsExactly(org.assertj.core.groups.Tuple.tuple("src/x.py", 7));
  }
}
