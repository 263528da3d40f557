package dev.shipgate.report;

import dev.shipgate.core.gate.Coverage;
import dev.shipgate.core.gate.ScanReport;
import dev.shipgate.core.gate.Verdict;
import dev.shipgate.core.model.Confidence;
import dev.shipgate.core.model.Finding;
import dev.shipgate.core.model.FindingStatus;
import dev.shipgate.core.model.Location;
import dev.shipgate.core.model.Rule;
import dev.shipgate.core.model.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic reports for writer tests: several families, every status, a flow, hostile and huge text. */
final class Reports {

  /** Appears only in a finding's contextKey, which no writer may print. */
  // shipgate:ignore secrets/stripe/live-secret-key -- fake key planted to prove writers never print contextKey
  static final String PLANTED_SECRET = "sk_live_51PLANTEDc0ntextKeyS3cretDoNotPrint";
  static final String HOSTILE = "</script><b>x</b> ]]> a|b `tick` \u001b[31mred\u0007\u0000 \u202Egnp.exe @octo-org/team";
  static final String UNICODE = "Gr\u00fc\u00dfe \u65e5\u672c\u8a9e \uD83D\uDE00";
  static final String VERSION = "0.1.0-SNAPSHOT";
  static final Instant STARTED = Instant.parse("2026-11-21T23:00:00Z");

  static final Rule SQL = Rule.builder("java/injection/sql-string-concat", "java")
      .title("SQL built by string concatenation")
      .severity(Severity.CRITICAL).confidence(Confidence.HIGH).cwe("CWE-89")
      .description("A query string is concatenated from request data and executed.")
      .fix("Use a PreparedStatement with bind parameters.")
      .tags("owasp-top10:A03:2021", "asvs:5.3.4")
      .build();
  static final Rule WEAK_HASH = Rule.builder("java/crypto/weak-hash", "java")
      .title("Weak hash algorithm").severity(Severity.LOW).confidence(Confidence.MEDIUM).cwe("CWE-327", "CWE-328")
      .description("MD5 and SHA-1 are broken for security uses.").fix("Use SHA-256 or better.")
      .tags("owasp-top10:A02:2021").build();
  static final Rule API_KEY = Rule.builder("secrets/generic/api-key", "secrets")
      .title("Hard-coded API key").severity(Severity.HIGH).confidence(Confidence.MEDIUM).cwe("CWE-798")
      .description("A live API key is committed to the repository.").fix("Revoke the key and load it from a secret store.")
      .tags("owasp-top10:A07:2021", "ssdf:PW.9.1").build();
  static final Rule DEBUG = Rule.builder("config/spring/debug-enabled", "config")
      .title("Debug mode enabled").severity(Severity.MEDIUM).confidence(Confidence.HIGH).cwe("CWE-489")
      .description("Spring debug output exposes internals.").fix("Set debug: false in production profiles.")
      .tags("owasp-top10:A05:2021").build();
  static final Rule LATEST_TAG = Rule.builder("config/docker/latest-tag", "config")
      .title("Image pinned to latest").severity(Severity.LOW).confidence(Confidence.LOW)
      .description("The latest tag changes under you.").fix("Pin a digest.").build();
  static final Rule MINIFIED = Rule.builder("secrets/generic/high-entropy", "secrets")
      .title("High-entropy string").severity(Severity.INFO).confidence(Confidence.LOW)
      .description("A long random-looking string.").fix("Check whether it is a credential.").build();

  static final List<Rule> RULES = List.of(SQL, WEAK_HASH, API_KEY, DEBUG, LATEST_TAG, MINIFIED);

  private Reports() {}

  /** A diff-mode run that failed, with one finding of every status. */
  static ScanReport full() {
    return report(findings(), new ScanReport.DiffInfo("base", "origin/main", "3f2a9c1d", 5));
  }

  /** The same findings as a plain scan (no diff). */
  static ScanReport plainScan() {
    return report(findings(), null);
  }

  static ScanReport report(List<Finding> findings, ScanReport.DiffInfo diff) {
    return report(findings, diff, coverage());
  }

  /** A run in which every scanner finished without errors. */
  static ScanReport withoutErrors(List<Finding> findings) {
    List<Coverage> clean = new ArrayList<>();
    for (Coverage c : coverage()) {
      clean.add(new Coverage(c.family(), c.version(), c.rules(), c.filesScanned(), c.skipped(), List.of(), c.millis()));
    }
    return report(findings, null, clean);
  }

  static ScanReport report(List<Finding> findings, ScanReport.DiffInfo diff, List<Coverage> coverage) {
    Map<String, String> notes = new LinkedHashMap<>();
    notes.put("advisory-db", "3 days old");
    notes.put("mode", "degraded: " + HOSTILE);
    return new ScanReport(VERSION, ".shipgate.yml", "sha256:9f86d081884c7d65",
        List.of(new ScanReport.RulePack("config", "1.2.0", 2), new ScanReport.RulePack("java", "0.9.1", 2),
            new ScanReport.RulePack("secrets", "2.0.0", 2)),
        RULES, findings, coverage, verdict(findings), STARTED, 12_345, diff, notes);
  }

  static Verdict verdict(List<Finding> findings) {
    long blocking = findings.stream().filter(Finding::blocking).count();
    return blocking == 0 ? new Verdict(true, Verdict.PASS, List.of())
        : new Verdict(false, Verdict.FAILED, List.of(blocking + " blocking findings at or above high", "scan errors in java"));
  }

  static List<Coverage> coverage() {
    List<Coverage.Skipped> skipped = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      skipped.add(new Coverage.Skipped("vendor/lib" + i + ".bin", "binary file"));
    }
    return List.of(
        new Coverage("files", "", 0, 42, skipped, List.of(), 80),
        new Coverage("java", "0.9.1", 2, 17, List.of(new Coverage.Skipped("src/Gen.java", "generated")),
            List.of(new Coverage.ScanError("src/main/java/Broken.java", 3, "parse error: " + HOSTILE),
                new Coverage.ScanError("", 0, "type solver ran out of memory")), 900),
        new Coverage("config", "1.2.0", 2, 9, List.of(), List.of(), 40),
        new Coverage("secrets", "2.0.0", 2, 42, List.of(), List.of(), 300));
  }

  static List<Finding> findings() {
    List<Finding> f = new ArrayList<>();
    f.add(Finding.builder(SQL)
        .message("Query from request parameter reaches executeQuery " + HOSTILE)
        .at(new Location("src/main/java/com/acme/UserDao.java", 42, 9, 42, 61))
        .snippet("stmt.executeQuery(\"select * from t where a = '\" + id + \"' | `x`\");")
        .step(new Location("src/main/java/com/acme/UserController.java", 17, 5, 17, 40), "request.getParameter(\"id\") read")
        .step(new Location("src/main/java/com/acme/UserDao.java", 42, 9, 42, 61), "reaches executeQuery")
        .build().withFingerprint("a1b2c3d4e5f60718").withBlocking(true));
    f.add(Finding.builder(API_KEY)
        .message("Stripe live key committed")
        .atLine("src/main/resources/application.yml", 7)
        .snippet("stripe.key: sk_l****")
        .contextKey(PLANTED_SECRET)
        .property("redacted", "sk_l****")
        .property("entropy", "4.81")
        .build().withFingerprint("b2c3d4e5f6071829").withBlocking(true));
    f.add(Finding.builder(DEBUG)
        .message("debug: true " + HOSTILE + " " + UNICODE)
        .at(new Location("src/main/resources/application.yml", 3, 1, 3, 12))
        .snippet("debug: true # " + UNICODE + " \u001b]0;title\u0007")
        .build().withFingerprint("c3d4e5f607182930"));
    f.add(Finding.builder(WEAK_HASH)
        .message("MD5 used for password hashing")
        .at(new Location("src/main/java/com/acme/Hash.java", 10, 20, 10, 45))
        .snippet("MessageDigest.getInstance(\"MD5\")")
        .build().withFingerprint("d4e5f60718293041").withStatus(FindingStatus.PREEXISTING, "present at 3f2a9c1d"));
    f.add(Finding.builder(SQL)
        .message("Concatenated query in test helper")
        .at(new Location("src/test/java/com/acme/TestDb.java", 5, 3, 5, 30))
        .snippet("st.execute(\"drop table \" + name); // shipgate:ignore test-only")
        .build().withFingerprint("e5f6071829304152").withStatus(FindingStatus.SUPPRESSED, "test-only helper"));
    f.add(Finding.builder(API_KEY)
        .message("Test key in fixture")
        .atLine("src/test/resources/fixture.env", 1)
        .snippet("KEY=sk_t****")
        .build().withFingerprint("f607182930415263").withStatus(FindingStatus.WAIVED, "alice until 2027-01-01: test key"));
    f.add(Finding.builder(DEBUG)
        .message("debug in local profile")
        .atLine("config/application-local.yml", 2)
        .snippet("debug: true")
        .build().withFingerprint("0718293041526374").withStatus(FindingStatus.BASELINED, "baseline 2026-10-01"));
    f.add(Finding.builder(LATEST_TAG)
        .message("FROM uses latest")
        .at(Location.file("Dockerfile"))
        .build().withFingerprint("1829304152637485"));
    f.add(Finding.builder(MINIFIED)
        .message("Long random string in bundle")
        .at(new Location("web/dist/app.min.js", 1, 99_000, 1, 99_040))
        .snippet("var a=" + "x".repeat(100_000) + ";")
        .build().withFingerprint("2930415263748596"));
    return f;
  }

  /** {@code n} open findings spread over every severity and confidence, none blocking except criticals. */
  static ScanReport many(int n) {
    List<Finding> f = new ArrayList<>();
    Severity[] sev = Severity.values();
    Confidence[] conf = Confidence.values();
    for (int i = 0; i < n; i++) {
      Severity s = sev[i % sev.length];
      Confidence c = conf[(i / sev.length) % conf.length];
      Finding finding = Finding.builder(DEBUG).severity(s).confidence(c)
          .message("finding " + i + " " + "long text ".repeat(20))
          .atLine(String.format("src/file%04d.yml", i), 1 + i % 50)
          .snippet("key: value " + i)
          .build().withFingerprint(String.format("%016x", i));
      f.add(finding.withBlocking(s == Severity.CRITICAL));
    }
    return report(f, null);
  }
}
