package dev.switchboard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class PolicySetTest {

  private static PolicySet policy(String yaml) {
    return PolicySet.compile(List.of(new PolicySource("test.yaml", yaml)));
  }

  private static final String HEADER =
      """
      id: test
      version: 7
      rules:
      """;

  @Test
  void shouldDecideByTheFirstMatchingRuleInPriorityOrder() {
    PolicySet set =
        policy(
            HEADER
                + """
                  - name: reads
                    priority: 10
                    when: tool.readOnly
                    decision: allow
                  - name: lookups-of-acme-escalate
                    priority: 20
                    when: tool.name == 'crm.lookup_account' && args.account == 'ACME'
                    decision: escalate
                    reason: ACME is special
                    escalate: {queue: human:key-accounts, approverRole: kam, fourEyes: true, sla: 2h}
                """);

    PolicyDecision acme =
        set.evaluate(Inputs.tool(Inputs.readTool("crm.lookup_account"), "{\"account\":\"ACME\"}"));
    PolicyDecision other =
        set.evaluate(
            Inputs.tool(Inputs.readTool("crm.lookup_account"), "{\"account\":\"Initech\"}"));

    assertThat(acme)
        .asInstanceOf(InstanceOfAssertFactories.type(PolicyDecision.Escalate.class))
        .satisfies(
            escalate -> {
              assertThat(escalate.rule()).isEqualTo("lookups-of-acme-escalate");
              assertThat(escalate.reason()).isEqualTo("ACME is special");
              assertThat(escalate.route())
                  .isEqualTo(
                      new EscalationRoute("human:key-accounts", "kam", true, Duration.ofHours(2)));
              assertThat(escalate.policy().id()).isEqualTo("test");
              assertThat(escalate.policy().version()).matches("7\\+[0-9a-f]{12}");
            });
    assertThat(other).isInstanceOf(PolicyDecision.Allow.class);
    assertThat(other.rule()).isEqualTo("reads");
    assertThat(set.ruleNames()).containsExactly("lookups-of-acme-escalate", "reads");
  }

  @Test
  void shouldCarryWhatHappensOnExpiryFromTheEscalateDecision() {
    PolicySet set =
        policy(
            HEADER
                + """
                  - {name: denies, priority: 3, when: "tool.name == 'a'", decision: escalate, reason: r, escalate: {sla: 1h, onExpiry: deny}}
                  - {name: moves-once, priority: 2, when: "tool.name == 'b'", decision: escalate, reason: r, escalate: {onExpiry: {moveTo: human:managers}}}
                  - name: moves-twice
                    priority: 1
                    when: "tool.name == 'c'"
                    decision: escalate
                    reason: r
                    escalate:
                      onExpiry:
                        moveTo: [human:managers, human:directors]
                  - {name: says-nothing, when: "true", decision: escalate, reason: r}
                """);

    assertThat(routeOf(set, "a").onExpiry()).isEmpty();
    assertThat(routeOf(set, "a").sla()).isEqualTo(Duration.ofHours(1));
    assertThat(routeOf(set, "b").onExpiry()).containsExactly("human:managers");
    assertThat(routeOf(set, "c").onExpiry()).containsExactly("human:managers", "human:directors");
    assertThat(routeOf(set, "d").onExpiry()).as("left to the inbox").isNull();
  }

  @Test
  void shouldRefuseAnExpiryThatIsNeitherDenyNorHumanQueues() {
    assertThatThrownBy(
            () ->
                policy(
                    HEADER
                        + """
                          - {name: n, when: "true", decision: escalate, reason: r, escalate: {onExpiry: approve}}
                        """))
        .hasMessageContaining(
            "test.yaml:4: rule 'n' 'onExpiry' must be deny or {moveTo: human:<queue>}, not approve");
    assertThatThrownBy(
            () ->
                policy(
                    HEADER
                        + """
                          - {name: n, when: "true", decision: escalate, reason: r, escalate: {onExpiry: {moveTo: [agent:x]}}}
                        """))
        .hasMessageContaining("'moveTo' names inbox queues like human:managers, not agent:x");
    assertThatThrownBy(
            () ->
                policy(
                    HEADER
                        + """
                          - {name: n, when: "true", decision: escalate, reason: r, escalate: {onExpiry: {to: human:x}}}
                        """))
        .hasMessageContaining("has no field 'to'");
  }

  private static EscalationRoute routeOf(PolicySet set, String tool) {
    return ((PolicyDecision.Escalate) set.evaluate(Inputs.tool(Inputs.readTool(tool), "{}")))
        .route();
  }

  @Test
  void shouldKeepFileOrderAmongEqualPriorities() {
    PolicySet set =
        PolicySet.compile(
            List.of(
                new PolicySource(
                    "a.yaml",
                    "id: a\nversion: 1\nrules:\n  - {name: a1, when: 'true', decision: deny, reason: first}\n"),
                new PolicySource(
                    "b.yaml",
                    "id: b\nversion: 1\nrules:\n  - {name: b1, when: 'true', decision: allow}\n"
                        + "  - {name: b0, priority: 5, when: 'true', decision: allow}\n")));

    assertThat(set.ruleNames()).containsExactly("b0", "a1", "b1");
    assertThat(set.documents()).extracting(PolicyRef::id).containsExactly("a", "b");
  }

  @Test
  void shouldDenyByDefaultWhenNoRuleMatches() {
    PolicySet set = policy(HEADER + "  - {name: never, when: 'false', decision: allow}\n");

    PolicyDecision decision = set.evaluate(Inputs.tool(Inputs.sendTool("email.send"), "{}"));

    assertThat(decision).isInstanceOf(PolicyDecision.Deny.class);
    assertThat(decision.rule()).isEqualTo("no-matching-rule");
  }

  @Test
  void shouldUseThePolicysOwnDefault() {
    PolicySet set =
        policy(
            """
            id: test
            version: 1
            default: {decision: escalate, reason: nothing matched, escalate: {queue: human:ops}}
            rules: []
            """);

    PolicyDecision decision = set.evaluate(Inputs.tool(Inputs.sendTool("email.send"), "{}"));

    assertThat(decision).isInstanceOf(PolicyDecision.Escalate.class);
    assertThat(((PolicyDecision.Escalate) decision).route().queue()).isEqualTo("human:ops");
  }

  @Test
  void shouldDenyAToolNoCatalogListsWhateverTheRulesSay() {
    PolicySet set = policy(HEADER + "  - {name: anything, when: 'true', decision: allow}\n");

    PolicyDecision decision = set.evaluate(Inputs.tool(ToolFacts.unknown("shell.exec"), "{}"));

    assertThat(decision)
        .isEqualTo(
            new PolicyDecision.Deny(
                "unknown-tool",
                "tool 'shell.exec' is not in the tool catalog",
                PolicyRef.BUILT_IN));
  }

  @Test
  void shouldDenyWhenAConditionFailsToEvaluate() {
    PolicySet set =
        policy(
            HEADER
                + "  - {name: recipient-domain, priority: 9, when: \"args.to.endsWith('@acme.example')\", decision: allow}\n"
                + "  - {name: rest, when: 'true', decision: allow}\n");

    PolicyDecision decision = set.evaluate(Inputs.tool(Inputs.sendTool("email.send"), "{}"));

    assertThat(decision).isInstanceOf(PolicyDecision.Deny.class);
    assertThat(decision.rule()).isEqualTo("recipient-domain");
    assertThat(decision.reason()).contains("could not be evaluated").contains("to");
  }

  @Test
  void shouldEvaluateEveryKindOfVariable() {
    PolicySet set =
        policy(
            HEADER
                + """
                  - name: everything
                    when: >
                      agent.name == 'sdr' && agent.known && agent.version == 'sha256:abc'
                      && 'email.send' in agent.tools && 'agent:writer' in agent.handoffTargets
                      && tool.name == 'email.send' && tool.known && !tool.readOnly && !tool.destructive
                      && !tool.idempotent && tool.openWorld && tool.risk == 'high'
                      && tool.server == 'sales-tools' && tool.trusted
                      && action.kind == 'tool' && action.id == 'g-1/step-1' && action.sideEffect
                      && args.to == 'ada@acme.example' && args.cc.size() == 2 && args.n > 2.5
                      && args.flag && args.none == null && has(args.to) && !has(args.bcc)
                      && args.cc.exists(c, c.endsWith('@acme.example'))
                      && handoff.target == ''
                      && goal.id == 'g-1' && goal.tenant == 'acme' && goal.requestedBy == 'alice'
                      && goal.labels['region'] == 'eu'
                      && budget.steps == 2 && budget.allowed == 1 && budget.elapsed < duration('5m')
                      && !context.untrusted && context.taint.size() == 0 && context.sources == []
                      && now == timestamp('2026-01-05T10:00:00Z') && now.getDayOfWeek() == 1
                      && args.to.lowerAscii().split('@')[1] == 'acme.example'
                    decision: allow
                """);

    PolicyDecision decision =
        set.evaluate(
            Inputs.tool(
                Inputs.sendTool("email.send"),
                """
                {"to":"ada@acme.example","cc":["a@acme.example","b@x.example"],"n":3,
                 "flag":true,"none":null}"""));

    assertThat(decision.rule()).isEqualTo("everything");
    assertThat(decision).isInstanceOf(PolicyDecision.Allow.class);
  }

  @Test
  void shouldSeeTaintAndHandoffTargets() {
    PolicySet set =
        policy(
            HEADER
                + """
                  - name: tainted
                    when: context.untrusted && 'untrusted' in context.taint && 'web.fetch' in context.sources
                    decision: deny
                    reason: tainted
                  - name: listed-handoff
                    when: action.kind == 'handoff' && handoff.target in agent.handoffTargets
                    decision: allow
                """);

    assertThat(
            set.evaluate(Inputs.tainted(Inputs.tool(Inputs.sendTool("email.send"), "{}"))).rule())
        .isEqualTo("tainted");
    assertThat(set.evaluate(Inputs.handoff("agent:writer")).rule()).isEqualTo("listed-handoff");
    assertThat(set.evaluate(Inputs.handoff("agent:closer")).rule()).isEqualTo("no-matching-rule");
  }

  @Test
  void shouldNameFileLineAndExpressionOfAnUndeclaredVariable() {
    String yaml =
        HEADER
            + """
              - name: fine
                when: tool.readOnly
                decision: allow
              - name: typo
                when: tol.readOnly
                decision: allow
            """;

    assertThatThrownBy(() -> policy(yaml))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e -> {
              assertThat(e.problems()).hasSize(1);
              PolicyProblem problem = e.problems().getFirst();
              assertThat(problem.file()).isEqualTo("test.yaml");
              assertThat(problem.line()).isEqualTo(8);
              assertThat(problem.expression()).isEqualTo("tol.readOnly");
              assertThat(problem.message())
                  .contains("rule 'typo'")
                  .contains("undeclared reference to 'tol'")
                  .contains("tool.readOnly");
              assertThat(e.getMessage())
                  .contains("test.yaml:8: rule 'typo'")
                  .contains("tol.readOnly");
            });
  }

  @Test
  void shouldPlaceAnErrorOnTheLineOfAMultiLineExpression() {
    String yaml =
        HEADER
            + """
              - name: long
                when: >
                  tool.readOnly
                  && tool.risk == 3
                decision: allow
            """;

    assertThatThrownBy(() -> policy(yaml))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e -> {
              PolicyProblem problem = e.problems().getFirst();
              assertThat(problem.line()).isEqualTo(6);
              assertThat(problem.message()).contains("found no matching overload");
            });
  }

  @Test
  void shouldRefuseAConditionThatIsNotABool() {
    assertThatThrownBy(() -> policy(HEADER + "  - {name: n, when: tool.name, decision: allow}\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("test.yaml:4")
        .hasMessageContaining("expected type 'bool' but found 'string'");
  }

  @Test
  void shouldRefuseASyntaxError() {
    assertThatThrownBy(
            () -> policy(HEADER + "  - {name: n, when: \"tool.name == \", decision: allow}\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("test.yaml:4: rule 'n'")
        .hasMessageContaining("mismatched input");
  }

  @Test
  void shouldListEveryStructuralProblemWithItsLine() {
    String yaml =
        """
        id: test
        version: 1
        rules:
          - name: a
            when: 'true'
            decision: maybe
          - name: b
            when: 'true'
            decision: deny
          - name: c
            when: 'true'
            decision: allow
            colour: blue
          - name: a
            priority: high
            when: 'true'
            decision: escalate
            reason: r
            escalate: {sla: soon}
        """;

    assertThatThrownBy(() -> policy(yaml))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e ->
                assertThat(e.problems())
                    .extracting(p -> p.line() + ": " + p.message())
                    .containsExactlyInAnyOrder(
                        "6: rule 'a' 'decision' must be allow, deny or escalate, not maybe",
                        "7: rule 'b' needs a 'reason': people and the planner read it",
                        "13: a rule has no field 'colour'; known: "
                            + "[name, priority, when, decision, reason, escalate]"
                                .replace(
                                    "[name, priority, when, decision, reason, escalate]",
                                    e.problems().stream()
                                        .filter(p -> p.message().contains("colour"))
                                        .findFirst()
                                        .orElseThrow()
                                        .message()
                                        .replaceFirst(".*known: ", "")),
                        "15: rule 'a' 'priority' must be a whole number, not high",
                        "19: rule 'a' 'sla' must be a positive duration like PT4H or 30m, not soon"));
  }

  @Test
  void shouldRefuseDuplicateRuleNamesAcrossFiles() {
    assertThatThrownBy(
            () ->
                PolicySet.compile(
                    List.of(
                        new PolicySource(
                            "a.yaml",
                            "id: a\nversion: 1\nrules:\n  - {name: r, when: 'true', decision: allow}\n"),
                        new PolicySource(
                            "b.yaml",
                            "id: b\nversion: 1\nrules:\n  - {name: r, when: 'true', decision: allow}\n"))))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("b.yaml:4: rule name 'r' is used in a.yaml too");
  }

  @Test
  void shouldRefuseADefaultThatAllows() {
    assertThatThrownBy(() -> policy("id: t\nversion: 1\ndefault: {decision: allow}\nrules: []\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("test.yaml:3: 'default' may deny or escalate, never allow");
  }

  @Test
  void shouldRefuseWhatIsNotYamlOrNotAPolicy() {
    assertThatThrownBy(() -> policy("id: [unclosed\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("test.yaml:2: is not valid YAML");
    assertThatThrownBy(() -> policy("- just\n- a list\n"))
        .hasMessageContaining("the policy must be a mapping");
    assertThatThrownBy(() -> policy("version: 1\nrules: []\n"))
        .hasMessageContaining("test.yaml:1: the policy needs 'id'");
    assertThatThrownBy(() -> policy("")).hasMessageContaining("test.yaml: is empty");
  }
}
