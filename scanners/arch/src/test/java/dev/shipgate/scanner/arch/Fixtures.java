package dev.shipgate.scanner.arch;

import dev.shipgate.core.policy.Policy;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.PolicyLoader;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.Scanner;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Test helpers: a project folder's accepted files and a context carrying its policy's arch section. */
final class Fixtures {

  private Fixtures() {}

  /** Loads a policy as the CLI does (core's loader), knowing only this family. */
  static Settings archSettings(String yaml) throws PolicyException {
    ArchScanner s = new ArchScanner();
    PolicyLoader loader = new PolicyLoader(Map.of(s.family(), s.settingKeys()),
        s.rules().stream().map(r -> r.id()).collect(Collectors.toSet()));
    Policy policy = loader.parse(yaml, PolicyLoader.FILE_NAME, "");
    return policy.settings(s.family());
  }

  static RecordingContext context(Path project) throws IOException, PolicyException {
    return new RecordingContext(project, archSettings(Files.readString(project.resolve(PolicyLoader.FILE_NAME))));
  }

  static List<SourceFile> files(Path project, Scanner scanner) throws IOException {
    List<SourceFile> out = new ArrayList<>();
    try (Stream<Path> s = Files.walk(project)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        String rel = project.relativize(p).toString().replace('\\', '/');
        if (scanner.accepts(rel)) {
          out.add(SourceFile.of(rel, Files.readAllBytes(p)));
        }
      }
    }
    return out;
  }
}
