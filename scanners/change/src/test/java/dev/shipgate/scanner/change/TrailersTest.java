package dev.shipgate.scanner.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.policy.Settings;
import dev.shipgate.git.GitWorkspace;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrailersTest {

  @Test
  void onlyTheLastParagraphOfTokenValueLinesAreTrailers() {
    assertThat(Trailers.parse("subject\n\nbody text: not a trailer\n\nAssisted-by: Claude Code\nSigned-off-by: A <a@x.io>\n"))
        .extracting(Trailers.Trailer::key).containsExactly("assisted-by", "signed-off-by");
    assertThat(Trailers.parse("subject only: with colon")).isEmpty();
    assertThat(Trailers.parse("s\n\nAssisted-by: x\nplain sentence here\n")).isEmpty();
    assertThat(Trailers.parse("s\n\nCo-authored-by: Claude\n  <noreply@anthropic.com>\n").get(0).email()).isEqualTo("noreply@anthropic.com");
  }

  @Test
  void defaultAssistantListRecognisesToolsNotNamesakes() throws Exception {
    AiAssistance ai = new AiAssistance(ChangePolicy.from(Settings.empty("p")).assistants());
    assertThat(ai.assistant("Claude <noreply@anthropic.com>")).isEqualTo("Claude");
    assertThat(ai.assistant("copilot-swe-agent[bot] <198982749+Copilot@users.noreply.github.com>")).isEqualTo("GitHub Copilot");
    assertThat(ai.assistant("Jane Doe (aider) <jane@example.com>")).isEqualTo("Aider");
    assertThat(ai.assistant("devin-ai-integration[bot] <158243242+devin-ai-integration[bot]@users.noreply.github.com>")).isEqualTo("Devin");
    assertThat(ai.assistant("Claude Dubois <claude@example.com>")).isNull();
    assertThat(ai.assistant("Devin Booker <devin@example.com>")).isNull();
    assertThat(ai.assistant("Cody Smith <cody@example.com>")).isNull();
    List<AiAssistance.Evidence> e = ai.detect(List.of(new GitWorkspace.Commit("0123456789", "A", "a@x.io", "A", "a@x.io",
        "fix\n\nGenerated-by: in-house model\nCo-authored-by: Gemini <gemini-code-assist@google.com>", List.of("a"))));
    assertThat(e).extracting(Object::toString).containsExactly("commit 0123456: Generated-by: in-house model",
        "commit 0123456: Co-authored-by: Gemini <gemini-code-assist@google.com> (Gemini)");
  }
}
