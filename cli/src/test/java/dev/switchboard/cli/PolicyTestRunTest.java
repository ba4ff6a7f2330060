package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyTestRunTest {
  /** The shipped policy and its cases, as a policy author would run them from the project root. */
  private static final Path DEFAULT_POLICY =
      Path.of("../guardrail-service/src/main/resources/policies/default-policy.yaml");

  private static final Path DEFAULT_CASES =
      Path.of("../guardrail-service/src/test/resources/policies/default-policy-cases.yaml");

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SwitchboardCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        Map.of());
  }

  @Test
  void shouldPassTheShippedPolicysOwnCases() {
    int exit = run("policy", "test", DEFAULT_POLICY.toString(), DEFAULT_CASES.toString());

    assertThat(exit).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(ExitCode.OK);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("PASS  the demo lookup runs: allow by read-only-tools")
        .contains("PASS  the demo send waits for a person: escalate by outbound-communication")
        .contains("0 failed");
  }

  @Test
  void shouldPrintEachDecisionAndExitNonZeroOnAMismatch() throws IOException {
    Path cases =
        write(
            "cases.yaml",
            """
            tools:
              crm.lookup_account: {readOnly: true, destructive: false, openWorld: false}
            cases:
              - {name: lookup, tool: crm.lookup_account, expect: {decision: allow, rule: read-only-tools}}
              - {name: wrong, tool: crm.lookup_account, expect: {decision: deny}}
            """);

    int exit = run("policy", "test", DEFAULT_POLICY.toString(), cases.toString());

    assertThat(exit).isEqualTo(ExitCode.FAILED);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("PASS  lookup: allow by read-only-tools")
        .contains("FAIL  wrong: expected deny, got allow by read-only-tools (the tool only reads)")
        .contains("2 cases, 1 failed");
  }

  @Test
  void shouldNameTheFileAndLineOfABadPolicy() throws IOException {
    Path policy =
        write(
            "bad.yaml",
            "id: bad\nversion: 1\nrules:\n  - {name: typo, when: tol.readOnly, decision: allow}\n");

    int exit = run("policy", "test", policy.toString(), DEFAULT_CASES.toString());

    assertThat(exit).isEqualTo(ExitCode.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(policy + ":4: rule 'typo'")
        .contains("tol.readOnly");
  }

  @Test
  void shouldExplainAWrongCommandLine() {
    assertThat(run("policy", "lint", "a", "b")).isEqualTo(ExitCode.USAGE);
    assertThat(run("policy", "test", "only-a-policy.yaml")).isEqualTo(ExitCode.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("'policy' knows only 'test'")
        .contains("needs a cases file");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }
}
