package dev.shipgate.scanner.change.command;

import dev.shipgate.core.policy.PolicyException;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.evidence.EvidenceException;
import dev.shipgate.evidence.SigningKey;
import dev.shipgate.evidence.TrustedKeys;
import dev.shipgate.git.GitException;
import dev.shipgate.git.GitWorkspace;
import dev.shipgate.scanner.change.ApprovalRecord;
import dev.shipgate.scanner.change.ChangePolicy;
import dev.shipgate.scanner.change.PolicyFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the commands share: opening the repository and its policy, reading the signer's key, expiry dates. */
final class CommandSupport {

  /** Exit code for a usage or configuration problem, as the CLI uses it. */
  static final int USAGE = 2;
  /** Records may not outlive a year: an approval is a judgement of a moment. */
  static final Duration MAX_LIFETIME = Duration.ofDays(366);
  private static final Pattern RELATIVE = Pattern.compile("(\\d{1,4})([hdw])");

  /** A problem the user must fix; the message says what and how. Exit code 2. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;

    Failure(String message) {
      super(message);
    }
  }

  /** The repository, its policy section and the keys it trusts. */
  record Repo(GitWorkspace ws, Path top, Settings settings, ChangePolicy policy) implements AutoCloseable {
    @Override
    public void close() {
      ws.close();
    }

    TrustedKeys trusted() throws Failure {
      try {
        return TrustedKeys.from(settings, top);
      } catch (PolicyException e) {
        throw new Failure(e.getMessage());
      }
    }
  }

  private CommandSupport() {}

  static Repo open(Path dir, Path config) throws Failure {
    GitWorkspace ws;
    try {
      ws = GitWorkspace.find(dir).orElseThrow(() -> new Failure(dir + " is not inside a git work tree"));
    } catch (GitException e) {
      throw new Failure(e.getMessage());
    }
    try {
      Path top = ws.topLevel();
      Path file = config != null ? config.toAbsolutePath().normalize() : top.resolve(PolicyFiles.POLICY);
      String display = file.startsWith(top) ? top.relativize(file).toString().replace('\\', '/') : file.toString();
      if (config != null && !java.nio.file.Files.isRegularFile(file)) {
        throw new Failure(config + ": policy file not found");
      }
      Settings settings = PolicyFiles.changeSection(file, display);
      return new Repo(ws, top, settings, ChangePolicy.from(settings));
    } catch (PolicyException e) {
      ws.close();
      throw new Failure(e.getMessage());
    } catch (Failure e) {
      ws.close();
      throw e;
    }
  }

  /** The signer's key, which must be trusted for the identity they sign as, or the gate would reject the record. */
  static SigningKey signer(Repo repo, Path keyFile, String identity) throws Failure {
    SigningKey key;
    try {
      key = SigningKey.read(keyFile);
    } catch (EvidenceException e) {
      throw new Failure(e.getMessage());
    }
    TrustedKeys trusted = repo.trusted();
    var entry = trusted.byKeyId(key.keyId());
    if (entry.isEmpty()) {
      throw new Failure("the key " + keyFile + " (key id " + key.keyId() + ") is not in scanners.change.trusted_keys, "
          + "so the gate would reject a record signed with it. Add its public half for " + identity + " in a change "
          + "approved by the security owners, e.g. \"" + identity + "\": .shipgate/keys/" + identity.replaceAll("[^A-Za-z0-9_.-]", "") + ".pub.pem");
    }
    if (!entry.get().identity().equals(identity)) {
      throw new Failure("the key " + keyFile + " is trusted for " + entry.get().identity() + ", not for " + identity
          + "; sign as " + entry.get().identity() + " or use your own key");
    }
    return key;
  }

  /** {@code 30d}, {@code 12h}, {@code 2w} from now, or a date (end of that day, UTC). */
  static Instant expiry(String text, Instant now) throws Failure {
    Instant at;
    Matcher m = RELATIVE.matcher(text.trim());
    if (m.matches()) {
      long n = Long.parseLong(m.group(1));
      at = now.plus(switch (m.group(2)) {
        case "h" -> Duration.ofHours(n);
        case "d" -> Duration.ofDays(n);
        default -> Duration.ofDays(7 * n);
      });
    } else {
      try {
        at = LocalDate.parse(text.trim()).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new Failure("--expires must be a duration like 30d, 12h or 2w, or a date like 2027-03-31, not '" + text + "'");
      }
    }
    if (!at.isAfter(now)) {
      throw new Failure("--expires " + text + " is already past");
    }
    if (at.isAfter(now.plus(MAX_LIFETIME))) {
      throw new Failure("--expires " + text + " is more than a year away; approvals and waivers must be renewed at least yearly");
    }
    return at;
  }

  static Path recordFile(Path top, ApprovalRecord record, byte[] payload) {
    return top.resolve(ApprovalRecord.DIR).resolve(ApprovalRecord.fileName(record.kind(), payload));
  }
}
