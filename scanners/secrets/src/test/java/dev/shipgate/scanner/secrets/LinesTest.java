package dev.shipgate.scanner.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LinesTest {

  @Test
  void offsetsMapToTheLinesAFullIndexGives() {
    Random r = new Random(5);
    String alphabet = "ab\n\r\n";
    for (int round = 0; round < 3_000; round++) {
      StringBuilder t = new StringBuilder();
      int n = r.nextInt(30);
      for (int i = 0; i < n; i++) {
        t.append(alphabet.charAt(r.nextInt(alphabet.length())));
      }
      byte[] b = t.toString().getBytes(StandardCharsets.US_ASCII);
      // The index: line k (1-based) starts at starts.get(k - 1).
      List<Integer> starts = new ArrayList<>(List.of(0));
      for (int i = 0; i < b.length; i++) {
        if (b[i] == '\n') {
          starts.add(i + 1);
        }
      }
      Lines lines = new Lines(b);
      for (int q = 0; q < 10 && b.length > 0; q++) {
        int offset = r.nextInt(b.length);
        int around = r.nextInt(4);
        int line = 0;
        while (line < starts.size() && starts.get(line) <= offset) {
          line++;
        }
        int first = Math.max(1, line - around);
        int last = Math.min(starts.size(), line + around);
        int end = last < starts.size() ? starts.get(last) - 1 : b.length;
        if (end > starts.get(last - 1) && b[end - 1] == '\r') {
          end--;
        }
        String what = t.toString().replace("\r", "\\r").replace("\n", "\\n") + " @" + offset + " ±" + around;
        assertThat(lines.lineOf(offset)).as(what).isEqualTo(line);
        assertThat(lines.startOfLineAbove(offset, around)).as(what).isEqualTo(starts.get(first - 1));
        assertThat(lines.endOfLineBelow(offset, around)).as(what).isEqualTo(end);
      }
    }
  }
}
