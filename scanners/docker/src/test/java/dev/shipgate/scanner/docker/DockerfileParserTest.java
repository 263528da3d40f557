package dev.shipgate.scanner.docker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shipgate.scanner.docker.dockerfile.Assignments;
import dev.shipgate.scanner.docker.dockerfile.Dockerfile;
import dev.shipgate.scanner.docker.dockerfile.DockerfileParser;
import dev.shipgate.scanner.docker.dockerfile.Instruction;
import dev.shipgate.scanner.docker.dockerfile.Stage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DockerfileParserTest {

  private static Dockerfile parse(String text) {
    return DockerfileParser.parse(text);
  }

  @Test
  void continuationsJoinLinesAndEveryCharacterKnowsItsSourceOffset() {
    String text = "FROM alpine:3.19\nRUN apk add curl \\\n    && curl -fsSL https://x.example \\\n  | sh\nUSER app\n";
    Dockerfile df = parse(text);
    assertThat(df.problems()).isEmpty();
    Instruction run = df.instructions().get(1);
    assertThat(run.keyword()).isEqualTo("RUN");
    assertThat(run.line()).isEqualTo(2);
    assertThat(run.endLine()).isEqualTo(4);
    assertThat(run.args().value()).isEqualTo("apk add curl     && curl -fsSL https://x.example   | sh");
    int curl = run.args().value().indexOf("curl -f");
    assertThat(text.substring(run.args().sourceOffset(curl), run.args().sourceOffset(curl) + 4)).isEqualTo("curl");
    assertThat(text.substring(run.start(), run.end())).startsWith("RUN apk").endsWith("| sh");
    assertThat(df.instructions().get(2).line()).isEqualTo(5);
  }

  @Test
  void commentsAndBlankLinesInsideAContinuationAreSkipped() {
    Dockerfile df = parse("FROM debian\nRUN apt-get update && \\\n# a comment\n\n    apt-get install -y curl\nCMD [\"curl\"]\n");
    assertThat(df.problems()).isEmpty();
    assertThat(df.instructions()).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "CMD");
    assertThat(df.instructions().get(1).args().value()).isEqualTo("apt-get update &&     apt-get install -y curl");
    assertThat(df.instructions().get(2).line()).isEqualTo(6);
  }

  @Test
  void escapeDirectiveSwitchesTheContinuationCharacterToBacktick() {
    Dockerfile df = parse("# escape=`\nFROM mcr.microsoft.com/windows/servercore\nRUN dir C:\\ `\n  && echo done\nCOPY app C:\\app\\\n");
    assertThat(df.escape()).isEqualTo('`');
    assertThat(df.problems()).isEmpty();
    assertThat(df.instructions()).hasSize(3);
    assertThat(df.instructions().get(1).args().value()).isEqualTo("dir C:\\   && echo done");
    assertThat(df.instructions().get(2).paths()).containsExactly("app", "C:\\app\\");
  }

  @Test
  void directivesOnlyCountAtTheTop() {
    Dockerfile df = parse("# syntax=docker/dockerfile:1\n\n# escape=`\nFROM alpine\nRUN echo a \\\n  b\n");
    assertThat(df.escape()).isEqualTo('\\');
    assertThat(df.instructions().get(1).args().value()).isEqualTo("echo a   b");
  }

  @Test
  void heredocsBelongToTheirInstructionWithTheirLines() {
    String text = "FROM alpine\nRUN <<EOF\napk add curl\ncurl https://x | sh\nEOF\nCOPY <<-\"A\" /a <<B /b\n\tone\n\tA\ntwo\nB\nUSER 1000\n";
    Dockerfile df = parse(text);
    assertThat(df.problems()).isEmpty();
    Instruction run = df.instructions().get(1);
    assertThat(run.heredocs()).hasSize(1);
    assertThat(run.heredocs().get(0).body().value()).isEqualTo("apk add curl\ncurl https://x | sh");
    assertThat(run.heredocs().get(0).line()).isEqualTo(3);
    assertThat(run.endLine()).isEqualTo(5);
    int curl = run.heredocs().get(0).body().value().indexOf("curl https");
    assertThat(text.substring(run.heredocs().get(0).body().sourceOffset(curl)).startsWith("curl https")).isTrue();
    Instruction copy = df.instructions().get(2);
    assertThat(copy.heredocs()).extracting(h -> h.name() + "=" + h.body().value()).containsExactly("A=one", "B=two");
    assertThat(df.instructions().get(3).keyword()).isEqualTo("USER");
    assertThat(df.instructions().get(3).line()).isEqualTo(11);
  }

  @Test
  void hereStringsAndQuotedMarkersAreNotHeredocs() {
    Dockerfile df = parse("FROM alpine\nRUN cat <<<hello && echo \"<<EOF\"\nUSER 1\n");
    assertThat(df.problems()).isEmpty();
    assertThat(df.instructions()).hasSize(3);
    assertThat(df.instructions().get(1).heredocs()).isEmpty();
  }

  @Test
  void jsonAndShellForms() {
    Dockerfile df = parse("FROM alpine\nCMD [\"node\", \"server.js\"]\nENTRYPOINT [not json]\nCOPY --chown=1:1 [\"a b\", \"/c\"]\nRUN [ -f x ] && echo\n");
    assertThat(df.instructions().get(1).json()).containsExactly("node", "server.js");
    assertThat(df.instructions().get(2).json()).isNull();
    Instruction copy = df.instructions().get(3);
    assertThat(copy.flag("chown")).contains("1:1");
    assertThat(copy.paths()).containsExactly("a b", "/c");
    assertThat(df.instructions().get(4).json()).isNull();
  }

  @Test
  void stagesGlobalArgsAndStageReferences() {
    Dockerfile df = parse("""
        ARG BASE=node:20-alpine
        ARG TAG
        FROM ${BASE} AS build
        RUN npm ci
        FROM --platform=$BUILDPLATFORM build as test
        FROM gcr.io/distroless/nodejs20:${TAG}
        COPY --from=build /app /app
        """);
    assertThat(df.problems()).isEmpty();
    assertThat(df.globalArgs()).hasSize(2);
    assertThat(df.globals()).containsExactly(Map.entry("BASE", "node:20-alpine"));
    List<Stage> stages = df.stages();
    assertThat(stages).extracting(Stage::name).containsExactly("build", "test", null);
    assertThat(stages.get(0).resolved()).isEqualTo("node:20-alpine");
    assertThat(stages.get(1).parent()).isSameAs(stages.get(0));
    assertThat(stages.get(1).rootImage()).isEqualTo("node:20-alpine");
    assertThat(stages.get(2).resolved()).isNull();
    assertThat(stages.get(2).body().get(0).flag("from")).contains("build");
    assertThat(df.finalStage()).isSameAs(stages.get(2));
  }

  @Test
  void stageVariablesFollowArgAndEnvAndInheritEnvFromParentStages() {
    Dockerfile df = parse("ARG U=root\nFROM alpine AS base\nENV HOME_USER=app\nFROM base\nARG U\nUSER ${HOME_USER}\nUSER $U\n");
    Stage last = df.finalStage();
    Map<String, String> before = last.variablesBefore(last.body().get(2), df.globals());
    assertThat(before).containsEntry("HOME_USER", "app").containsEntry("U", "root");
  }

  @Test
  void envAssignmentsInBothFormsAndArgDefaults() {
    Dockerfile df = parse("FROM alpine\nENV A=1 B=\"two words\" C='3'\nENV LEGACY some value here\nARG X Y=z\n");
    List<Assignments.Assignment> env = Assignments.of(df.instructions().get(1));
    assertThat(env).extracting(Assignments.Assignment::name).containsExactly("A", "B", "C");
    assertThat(env).extracting(Assignments.Assignment::value).containsExactly("1", "two words", "3");
    assertThat(Assignments.of(df.instructions().get(2))).extracting(Assignments.Assignment::value).containsExactly("some value here");
    assertThat(Assignments.of(df.instructions().get(3))).extracting(Assignments.Assignment::value).containsExactly(null, "z");
  }

  @Test
  void windowsLineEndingsAreReadLikeUnixOnes() {
    Dockerfile df = parse("FROM alpine\r\nRUN echo a \\\r\n  b\r\nUSER 1\r\n");
    assertThat(df.problems()).isEmpty();
    assertThat(df.newline()).isEqualTo("\r\n");
    assertThat(df.instructions().get(1).args().value()).isEqualTo("echo a   b");
    assertThat(df.instructions().get(2).args().value()).isEqualTo("1");
  }

  @Test
  void lowercaseInstructionsAndLeadingWhitespace() {
    Dockerfile df = parse("from alpine\n  run echo hi\n\tuser nobody\n");
    assertThat(df.problems()).isEmpty();
    assertThat(df.instructions()).extracting(Instruction::keyword).containsExactly("FROM", "RUN", "USER");
    assertThat(df.instructions().get(2).written()).isEqualTo("user");
  }

  @Test
  void whatTheFrontendRejectsBecomesProblemsOnTheirLines() {
    Dockerfile df = parse("RUN echo before\nFROM alpine\nFROB x\nRUN <<EOF\necho never closed\n");
    assertThat(df.problems()).extracting(Dockerfile.Problem::line).containsExactly(3, 4, 1);
    assertThat(df.problems().get(1).message()).contains("never closed");
    Dockerfile cont = parse("FROM alpine\nRUN echo \\\n");
    assertThat(cont.problems()).extracting(Dockerfile.Problem::line).containsExactly(2);
    assertThat(cont.problems().get(0).message()).contains("line continuation");
  }
}
