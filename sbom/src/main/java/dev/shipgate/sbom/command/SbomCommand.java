package dev.shipgate.sbom.command;

import dev.shipgate.core.ShipgateVersion;
import dev.shipgate.core.policy.Glob;
import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.sbom.CycloneDxWriter;
import dev.shipgate.sbom.ProjectInventory;
import dev.shipgate.scanner.deps.DepsScanner;
import dev.shipgate.scanner.deps.extract.LocalLicenses;
import dev.shipgate.sbom.RootProject;
import dev.shipgate.sbom.Sbom;
import dev.shipgate.sbom.SbomPolicy;
import dev.shipgate.sbom.SpdxWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code shipgate sbom}: the repository's packages as CycloneDX 1.6 and/or SPDX 2.3 JSON. */
@Command(name = "sbom", mixinStandardHelpOptions = true,
    description = {"Write a software bill of materials of the packages the repository's manifests and lockfiles declare "
        + "(the same inventory as the deps family), without running any package manager or using the network.",
        "Nothing is written when a manifest or lockfile cannot be read: the document would be incomplete."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:the documents were written", "2:usage error or a malformed policy", "3:a manifest or lockfile could not be read, or writing failed"})
public final class SbomCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int USAGE = 2;
  static final int ERROR = 3;

  /** The reproducible-builds convention for a fixed creation time. */
  static final String SOURCE_DATE_EPOCH = "SOURCE_DATE_EPOCH";

  @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Repository directory (default: current directory).")
  Path path = Path.of(".");

  @Option(names = "--format", required = true, split = ",", paramLabel = "FORMAT=FILE",
      description = "cyclonedx=FILE (CycloneDX 1.6 JSON) or spdx=FILE (SPDX 2.3 JSON); repeat, or separate with commas as "
          + "scan's --format, for both. FILE - is standard output.")
  List<String> formats = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "Leave out files matching GLOB, relative to PATH (the syntax of shipgate.yml's paths.exclude), "
          + "e.g. '**/src/test/resources/**' for test fixtures; repeatable.")
  List<String> excludes = new ArrayList<>();

  @Option(names = "--maven-repository", paramLabel = "DIR|none",
      description = "The local Maven repository whose POMs give parents, BOMs, licences and transitive dependencies "
          + "of pom.xml projects, as in scan (default: ~/.m2/repository); none for declared dependencies only.")
  String mavenRepository;

  @Option(names = "--config", paramLabel = "FILE",
      description = "The policy whose scanners.deps maven_build and maven_repository apply, as in scan (default: "
          + "shipgate.yml found from PATH up to the repository root).")
  Path config;

  @Option(names = "--no-config", description = "Ignore shipgate.yml: the plain Maven build and the default local repository.")
  boolean noConfig;

  @Option(names = "--unique-id",
      description = "A random CycloneDX serial number and SPDX namespace instead of ones derived from the content "
          + "(then two runs over the same project give different documents).")
  boolean uniqueId;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final Clock clock;
  private final UnaryOperator<String> environment;

  public SbomCommand() {
    this(Clock.systemUTC(), System::getenv);
  }

  SbomCommand(Clock clock, UnaryOperator<String> environment) {
    this.clock = clock;
    this.environment = environment;
  }

  /** {@code --maven-repository}, else the policy's {@code maven_repository} (relative to PATH, as in scan), else ~/.m2. */
  private Path mavenRepository(SbomPolicy policy, Path root) {
    if (mavenRepository != null) {
      return mavenRepository.equals("none") ? null : Path.of(mavenRepository).toAbsolutePath().normalize();
    }
    if (policy.mavenRepository() != null) {
      return DepsScanner.mavenRepository(policy.mavenRepository(), root);
    }
    return LocalLicenses.defaultMavenRepository();
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Map<String, String> targets = new LinkedHashMap<>();
    for (String f : formats) {
      int eq = f.indexOf('=');
      String format = eq < 0 ? f : f.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String file = eq < 0 ? "" : f.substring(eq + 1).strip();
      if (!format.equals("cyclonedx") && !format.equals("spdx")) {
        err.println("shipgate: unknown SBOM format '" + format + "' (known: cyclonedx, spdx)");
        return USAGE;
      }
      if (file.isEmpty()) {
        err.println("shipgate: --format " + format + " needs a file: --format " + format + "=FILE");
        return USAGE;
      }
      if (targets.put(format, file) != null) {
        err.println("shipgate: --format " + format + " given twice");
        return USAGE;
      }
    }
    if (targets.size() == 2 && targets.get("cyclonedx").equals("-") && targets.get("spdx").equals("-")) {
      err.println("shipgate: only one format can go to standard output");
      return USAGE;
    }
    Path root = path.toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      err.println("shipgate: " + path + ": not a directory");
      return USAGE;
    }
    Instant created;
    try {
      created = creationTime();
    } catch (NumberFormatException | DateTimeException e) {
      err.println("shipgate: " + SOURCE_DATE_EPOCH + " must be whole seconds since 1970, not '" + environment.apply(SOURCE_DATE_EPOCH) + "'");
      return USAGE;
    }

    if (config != null && noConfig) {
      err.println("shipgate: --config and --no-config exclude each other");
      return USAGE;
    }
    if (config != null && !Files.isRegularFile(config)) {
      err.println("shipgate: " + config + ": policy file not found");
      return USAGE;
    }
    SbomPolicy policy;
    try {
      policy = noConfig ? SbomPolicy.NONE : SbomPolicy.find(root, config);
    } catch (PolicyException e) {
      err.println("shipgate: " + e.getMessage());
      return USAGE;
    }

    List<Glob> globs = new ArrayList<>();
    for (String g : excludes) {
      try {
        globs.add(Glob.compile(g));
      } catch (IllegalArgumentException e) {
        err.println("shipgate: --exclude '" + g + "': " + e.getMessage());
        return USAGE;
      }
    }

    ProjectInventory.Result inventory;
    try {
      inventory = ProjectInventory.collect(root, globs, mavenRepository(policy, root), policy.mavenBuild());
    } catch (IOException | UncheckedIOException e) {
      err.println("shipgate: " + path + ": cannot read: " + e.getMessage());
      return ERROR;
    }
    for (String note : inventory.notes()) {
      err.println("note: " + note);
    }
    if (!inventory.problems().isEmpty()) {
      for (ProjectInventory.Problem p : inventory.problems()) {
        err.println("error: " + p);
      }
      err.println("shipgate: no SBOM written: " + inventory.problems().size() + " file(s) could not be read (listed above)");
      return ERROR;
    }
    if (inventory.manifests() == 0) {
      err.println("note: no manifest or lockfile found under " + path + "; the documents list no packages");
    }

    Sbom sbom = Sbom.of(RootProject.of(root), inventory.components(), ShipgateVersion.get(), created, uniqueId);
    for (Map.Entry<String, String> t : targets.entrySet()) {
      String text = t.getKey().equals("cyclonedx") ? CycloneDxWriter.write(sbom) : SpdxWriter.write(sbom);
      if (t.getValue().equals("-")) {
        out.print(text);
        out.flush();
        continue;
      }
      try {
        write(Path.of(t.getValue()), text);
      } catch (IOException | RuntimeException e) {
        err.println("shipgate: cannot write " + t.getValue() + ": " + describe(e));
        return ERROR;
      }
      err.println(t.getKey() + ": " + sbom.components().size() + " components written to " + t.getValue());
    }
    return OK;
  }

  private Instant creationTime() {
    String epoch = environment.apply(SOURCE_DATE_EPOCH);
    if (epoch == null || epoch.isBlank()) {
      return clock.instant();
    }
    return Instant.ofEpochSecond(Long.parseLong(epoch.strip()));
  }

  /**
   * Through a temporary file in the same directory, so a failed run never leaves half a document behind. The
   * temporary file is created like any other (the umask decides its mode), unlike Files.createTempFile's 0600.
   */
  private static void write(Path file, String text) throws IOException {
    Path abs = file.toAbsolutePath();
    Path tmp = abs.resolveSibling("." + abs.getFileName() + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static String describe(Exception e) {
    String kind = e.getClass().getSimpleName();
    return e.getMessage() == null ? kind : kind + ": " + e.getMessage();
  }
}
