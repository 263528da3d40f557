package dev.shipgate.scanner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.core.model.Finding;
import dev.shipgate.core.policy.Settings;
import dev.shipgate.core.scan.SourceFile;
import dev.shipgate.testing.RecordingContext;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The policy section {@code scanners.docker}: opt-in rules, pins and the user the fix adds. */
class PolicySettingsTest {

  private static RecordingContext run(Settings settings, String path, String text) throws Exception {
    RecordingContext ctx = new RecordingContext(Path.of("."), settings);
    new DockerScanner().scan(List.of(SourceFile.of(path, text)), ctx);
    return ctx;
  }

  private static List<String> found(Settings settings, String text) throws Exception {
    RecordingContext ctx = run(settings, "Dockerfile", text);
    assertThat(ctx.errors()).isEmpty();
    return ctx.findings().stream().map(f -> f.location().startLine() + " " + f.ruleId() + " " + f.message()).toList();
  }

  @Test
  void declaresItsPolicyKeys() {
    assertThat(new DockerScanner().settingKeys()).containsExactlyInAnyOrder("pins", "require_digest", "require_package_pins", "user");
  }

  @Test
  void digestRequirementIsOffByDefault() throws Exception {
    String text = "FROM python:3.12-slim AS build\nFROM gcr.io/distroless/python3-debian12:nonroot@sha256:" + "0".repeat(64) + "\n";
    assertThat(found(Settings.empty("<none>"), text)).isEmpty();
    assertThat(found(FixesTest.settings("require_digest: true\n"), text))
        .containsExactly("1 docker/dockerfile/base-image-no-digest image python:3.12-slim has no @sha256 digest; the tag can be moved");
  }

  @Test
  void packagePinsAreJudgedOnlyWhenThePolicyAsks() throws Exception {
    String text = """
        FROM debian:12-slim
        RUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u5 ca-certificates \\
            && rm -rf /var/lib/apt/lists/*
        RUN apk add --no-cache --virtual .build-deps gcc musl-dev=1.2.4-r2
        RUN pip install --no-cache-dir -r requirements.txt && pip install flask==3.0.2 gunicorn
        RUN python3 -m pip install --upgrade pip==24.0 && pip3 install -e . && pip install ./wheels/app.whl
        RUN npm ci && npm install -g pnpm@9.1.0 @angular/cli typescript@5.4.5 && npm install
        RUN dnf install -y nginx-1.24.0 git && yum -y install --setopt=tsflags=nodocs httpd
        RUN gem install bundler -v 2.5.6 && gem install rails
        USER 10001
        """;
    assertThat(found(Settings.empty("<none>"), text)).isEmpty();
    assertThat(found(FixesTest.settings("require_package_pins: true\n"), text)).containsExactly(
        "2 docker/dockerfile/package-unpinned apt-get installs without a version: ca-certificates",
        "4 docker/dockerfile/package-unpinned apk installs without a version: gcc",
        "5 docker/dockerfile/package-unpinned pip installs without a version: gunicorn",
        "7 docker/dockerfile/package-unpinned npm installs without a version: @angular/cli",
        "8 docker/dockerfile/package-unpinned dnf installs without a version: git",
        "8 docker/dockerfile/package-unpinned yum installs without a version: httpd",
        "9 docker/dockerfile/package-unpinned gem installs without a version: rails");
  }

  @Test
  void theUserTheFixAddsComesFromThePolicy() throws Exception {
    RecordingContext ctx = run(FixesTest.settings("user: \"65532:65532\"\n"), "Dockerfile", "FROM alpine:3.19\nCMD [\"sh\"]\n");
    assertThat(ctx.findings()).singleElement().satisfies(f -> assertThat(f.fix().edits().get(0).replacement()).isEqualTo("USER 65532:65532\n"));
  }

  @Test
  void malformedSettingsAreOneErrorOnTheirLineAndTheDefaultsStillApply() throws Exception {
    for (String bad : new String[] {"user: root\n", "user: \"0:0\"\n", "pins:\n  node: \"latest; rm -rf /\"\n", "require_digest: maybe\n",
        "pins: [node]\n"}) {
      RecordingContext ctx = run(FixesTest.settings(bad), "Dockerfile", "FROM node\nUSER node\n");
      assertThat(ctx.errors()).as(bad).singleElement().satisfies(e -> {
        assertThat(e.path()).isEqualTo("shipgate.yml");
        assertThat(e.line()).isPositive();
      });
      assertThat(ctx.findings()).extracting(Finding::ruleId).containsExactly("docker/dockerfile/base-image-unpinned");
    }
  }
}
