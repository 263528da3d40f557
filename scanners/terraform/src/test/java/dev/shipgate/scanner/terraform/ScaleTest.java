package dev.shipgate.scanner.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A thousand files in a hundred modules: every module gets its own findings and nothing leaks between them. */
class ScaleTest {

  @Test
  void aThousandFilesGiveEachModuleItsOwnFindings() throws Exception {
    List<SourceFile> files = Corpus.modules(100);
    assertThat(files).hasSize(100 * Corpus.FILES_PER_MODULE);
    RecordingContext ctx = new RecordingContext();
    new TerraformScanner().scan(files, ctx);
    assertThat(ctx.errors()).isEmpty();
    Map<String, List<String>> byModule = ctx.findings().stream().collect(Collectors.groupingBy(
        f -> f.location().path().substring(0, f.location().path().lastIndexOf('/')),
        Collectors.mapping(Finding::ruleId, Collectors.toList())));
    assertThat(byModule).hasSize(100);
    assertThat(byModule.values()).allSatisfy(rules -> assertThat(rules).containsExactlyInAnyOrder(
        "terraform/aws/security-group-open-admin-port", "terraform/aws/rds-publicly-accessible",
        "terraform/aws/iam-wildcard-policy", "terraform/aws/ebs-unencrypted"));
    assertThat(ctx.findings()).hasSize(100 * Corpus.FINDINGS_PER_MODULE);
  }
}
