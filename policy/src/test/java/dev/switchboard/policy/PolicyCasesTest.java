package dev.switchboard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyCasesTest {
  private static final String POLICY =
      """
      id: cases
      version: 1
      rules:
        - {name: tainted-sends-escalate, priority: 10, when: "context.untrusted && !tool.readOnly", decision: escalate, reason: tainted}
        - {name: reads, when: tool.readOnly, decision: allow}
        - {name: eu-sends, when: "goal.labels['region'] == 'eu' && budget.elapsed < duration('1h')", decision: allow}
      """;

  @TempDir Path dir;

  @Test
  void shouldRunEachCaseWithItsInputsAndFactsFromAFile() throws IOException {
    Files.writeString(
        dir.resolve("facts.yaml"),
        """
        tools:
          crm.lookup_account: {readOnly: true, destructive: false, openWorld: false}
        """);
    Path cases =
        write(
            """
            facts: facts.yaml
            tools:
              email.send: {readOnly: false, destructive: false}
            agents:
              sdr: {tools: [email.send], handoffTargets: [agent:writer]}
            cases:
              - name: reading is fine
                tool: crm.lookup_account
                expect: {decision: allow, rule: reads}
              - name: eu send
                agent: sdr
                tool: email.send
                arguments: {to: ada@acme.example}
                goal: {tenant: acme, requestedBy: alice, labels: {region: eu}}
                budget: {steps: 3, allowed: 2, elapsed: 10m}
                now: 2026-02-03T04:05:06Z
                expect: {decision: allow, rule: eu-sends}
              - name: tainted send
                tool: email.send
                taint: [untrusted]
                sources: [web.fetch]
                goal: {labels: {region: eu}}
                expect: {decision: escalate}
              - name: unknown tool
                tool: shell.exec
                expect: {decision: deny, rule: unknown-tool}
              - name: wrong expectation
                tool: email.send
                expect: {decision: allow}
            """);

    PolicyCases loaded = PolicyCases.load(cases);
    List<PolicyCases.Result> results = loaded.run(policy());

    assertThat(results)
        .extracting(PolicyCases.Result::name, PolicyCases.Result::passed)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("reading is fine", true),
            org.assertj.core.groups.Tuple.tuple("eu send", true),
            org.assertj.core.groups.Tuple.tuple("tainted send", true),
            org.assertj.core.groups.Tuple.tuple("unknown tool", true),
            org.assertj.core.groups.Tuple.tuple("wrong expectation", false));
    PolicyInput euSend = loaded.cases().get(1).input();
    assertThat(euSend.agent().tools()).containsExactly("email.send");
    assertThat(euSend.goal().tenant()).isEqualTo("acme");
    assertThat(euSend.budget()).isEqualTo(new PolicyInput.Budget(3, 2, Duration.ofMinutes(10)));
    assertThat(euSend.now()).isEqualTo(Instant.parse("2026-02-03T04:05:06Z"));
    assertThat(euSend.sideEffect()).isTrue();
    assertThat(loaded.cases().getFirst().input().now()).isEqualTo(PolicyCases.DEFAULT_NOW);
    // No region label: the eu-sends condition cannot be evaluated, and that denies.
    assertThat(results.get(4).actual().rule()).isEqualTo("eu-sends");
    assertThat(results.get(4).actual().reason()).contains("could not be evaluated");
  }

  @Test
  void shouldRunAHandoffCase() throws IOException {
    Path cases =
        write(
            """
            agents:
              sdr: {handoffTargets: [agent:writer]}
            cases:
              - {name: h, agent: sdr, handoff: agent:writer, expect: {decision: deny}}
            """);

    PolicyCases.Case handoff = PolicyCases.load(cases).cases().getFirst();

    assertThat(handoff.input().kind()).isEqualTo(PolicyInput.Kind.HANDOFF);
    assertThat(handoff.input().handoffTarget()).isEqualTo("agent:writer");
  }

  @Test
  void shouldCheckTheEscalationsSlaAndExpiryWhenACaseExpectsThem() throws IOException {
    PolicySet routed =
        PolicySet.compile(
            List.of(
                new PolicySource(
                    "routed.yaml",
                    """
                    id: routed
                    version: 1
                    rules:
                      - {name: sends, when: "!tool.readOnly", decision: escalate, reason: r, escalate: {sla: PT4H, onExpiry: {moveTo: human:managers}}}
                    """)));
    Path cases =
        write(
            """
            tools:
              email.send: {readOnly: false}
            cases:
              - {name: right, tool: email.send, expect: {decision: escalate, sla: 4h, onExpiry: human:managers}}
              - {name: wrong sla, tool: email.send, expect: {decision: escalate, sla: PT8H}}
              - {name: wrong expiry, tool: email.send, expect: {decision: escalate, rule: sends, onExpiry: deny}}
            """);

    List<PolicyCases.Result> results = PolicyCases.load(cases).run(routed);

    assertThat(results).extracting(PolicyCases.Result::passed).containsExactly(true, false, false);
    assertThat(results.get(1).describeExpected()).isEqualTo("escalate (sla PT8H)");
    assertThat(results.get(1).describeActual()).isEqualTo("escalate by sends (sla PT4H)");
    assertThat(results.get(2).describeExpected()).isEqualTo("escalate by sends (on expiry deny)");
    assertThat(results.get(2).describeActual())
        .isEqualTo("escalate by sends (on expiry move to human:managers)");
    assertThatThrownBy(
            () ->
                PolicyCases.load(
                    write(
                        "cases:\n  - {name: x, tool: t, expect: {decision: allow, onExpiry: deny}}\n")))
        .hasMessageContaining(
            "case 'x' expects 'sla' or 'onExpiry' of a decision that is not escalate");
  }

  @Test
  void shouldNameTheCaseThatIsWrong() throws IOException {
    assertThatThrownBy(
            () -> PolicyCases.load(write("cases:\n  - {name: x, expect: {decision: allow}}\n")))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("case 'x' needs exactly one of 'tool' and 'handoff'");
    assertThatThrownBy(
            () ->
                PolicyCases.load(
                    write("cases:\n  - {name: x, tool: t, expect: {decision: maybe}}\n")))
        .hasMessageContaining("'expect.decision' must be allow, deny or escalate");
    assertThatThrownBy(() -> PolicyCases.load(write("cases: []\n")))
        .hasMessageContaining("needs 'cases'");
    assertThatThrownBy(() -> PolicyCases.load(dir.resolve("missing.yaml")))
        .hasMessageContaining("cannot be read");
  }

  private PolicySet policy() {
    return PolicySet.compile(List.of(new PolicySource("cases-policy.yaml", POLICY)));
  }

  private Path write(String yaml) throws IOException {
    Path file = dir.resolve("cases.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
