package dev.switchboard.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.policy.PolicyCases;
import dev.switchboard.policy.PolicyDecision;
import dev.switchboard.policy.PolicySet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped policy, rule by rule, through the same cases file policy authors run. */
class DefaultPolicyTest {
  static final Path CASES = Path.of("src/test/resources/policies/default-policy-cases.yaml");
  private static final PolicySet POLICY = Fixtures.defaultPolicy();

  static Stream<Named<PolicyCases.Case>> cases() {
    return PolicyCases.load(CASES).cases().stream().map(c -> Named.of(c.name(), c));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void shouldDecideEachCaseAsExpected(PolicyCases.Case policyCase) {
    PolicyDecision decision = POLICY.evaluate(policyCase.input());

    PolicyCases.Result result = new PolicyCases.Result(policyCase.name(), decision, policyCase);

    assertThat(result.passed())
        .as(
            "expected %s, got %s (%s)",
            result.describeExpected(), result.describeActual(), decision.reason())
        .isTrue();
  }

  @Test
  void shouldHaveACaseForEveryRule() {
    List<String> decidingRules =
        PolicyCases.load(CASES).cases().stream().map(PolicyCases.Case::expectedRule).toList();

    assertThat(decidingRules).containsAll(POLICY.ruleNames());
  }

  @Test
  void shouldEscalateTaintedActionsUnderFourEyesAndOthersWithTheirSla() {
    List<PolicyCases.Case> cases = PolicyCases.load(CASES).cases();
    PolicyDecision.Escalate tainted =
        (PolicyDecision.Escalate) POLICY.evaluate(named(cases, "a tainted send needs a person"));
    PolicyDecision.Escalate record =
        (PolicyDecision.Escalate)
            POLICY.evaluate(named(cases, "logging an activity changes records"));

    assertThat(tainted.route().fourEyes()).isTrue();
    assertThat(tainted.route().queue()).isEqualTo("human:approvers");
    assertThat(record.route().sla()).isEqualTo(Duration.ofHours(8));
    assertThat(record.route().fourEyes()).isFalse();
    assertThat(tainted.route().onExpiry()).as("a tainted action is denied on expiry").isEmpty();
    assertThat(record.route().onExpiry()).as("left to the inbox's next-queues").isNull();
  }

  private static dev.switchboard.policy.PolicyInput named(
      List<PolicyCases.Case> cases, String name) {
    return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().input();
  }
}
