package dev.switchboard.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.VerdictEvent.ActionDenied;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.InvalidConfigurationException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private static final Duration HOUR = Duration.ofHours(1);

  /** Counts as the rate counters would hold them, by key, with the window asked for. */
  private final Map<String, Long> counts = new HashMap<>();

  private Instant askedFrom;
  private final RateUsage usage =
      (key, from, to) -> {
        askedFrom = from;
        return OptionalLong.of(counts.getOrDefault(key, 0L));
      };

  private static GuardrailProperties limited(GuardrailProperties.RateLimit... limits) {
    return new GuardrailProperties(
        null,
        null,
        null,
        null,
        null,
        null,
        new GuardrailProperties.RateLimits(null, List.of(limits)),
        null);
  }

  @Test
  void shouldDenyAToolOverItsLimitAcrossGoals() {
    Guardrail guardrail =
        Fixtures.guardrail(
            Fixtures.defaultPolicy(),
            limited(new GuardrailProperties.RateLimit("tool", "crm.lookup_account", 3L, HOUR)),
            usage);
    counts.put("tool|crm.lookup_account", 3L);

    Decision<GuardrailState> decision = judgeLookup(guardrail, "g-9", "acme");

    assertThat(decision.emit())
        .singleElement()
        .isInstanceOfSatisfying(
            ActionDenied.class,
            denied -> {
              assertThat(denied.policy()).isEqualTo("rate-limit");
              assertThat(denied.reason())
                  .isEqualTo(
                      "rate limit reached: at most 3 actions per PT1H for tool"
                          + " 'crm.lookup_account' (3 so far)");
              assertThat(denied.audit().policyId()).isEqualTo("switchboard-builtin");
            });
    assertThat(askedFrom).isEqualTo(Fixtures.NOW.minus(HOUR));
  }

  @Test
  void shouldLimitEachTenantSeparately() {
    Guardrail guardrail =
        Fixtures.guardrail(
            Fixtures.defaultPolicy(),
            limited(new GuardrailProperties.RateLimit("tenant", "*", 5L, HOUR)),
            usage);
    counts.put("tenant|busy", 5L);
    counts.put("tenant|quiet", 4L);

    assertThat(judgeLookup(guardrail, "g-1", "busy").emit().getFirst())
        .isInstanceOf(ActionDenied.class);
    assertThat(judgeLookup(guardrail, "g-2", "quiet").emit().getFirst().getClass().getSimpleName())
        .isEqualTo("ActionAllowed");
  }

  @Test
  void shouldCountActionsAllowedEarlierInTheSameProposal() {
    Guardrail guardrail =
        Fixtures.guardrail(
            Fixtures.defaultPolicy(),
            limited(new GuardrailProperties.RateLimit("tool", "crm.lookup_account", 2L, HOUR)),
            usage);
    counts.put("tool|crm.lookup_account", 1L);
    GuardrailState known = guardrail.decide(null, Fixtures.submitted("g-3", "acme", "a")).state();

    Decision<GuardrailState> decision =
        guardrail.decide(
            known,
            Fixtures.proposed(
                "g-3",
                "sdr",
                Fixtures.action("g-3/a", "crm.lookup_account", "{\"account\":\"A\"}"),
                Fixtures.action("g-3/b", "crm.lookup_account", "{\"account\":\"B\"}")));

    assertThat(decision.emit())
        .extracting(event -> event.getClass().getSimpleName())
        .containsExactly("ActionAllowed", "ActionRequested", "ActionDenied");
    assertThat(decision.emit().stream().filter(ActionRequested.class::isInstance)).hasSize(1);
  }

  @Test
  void shouldLetTheActionThroughToPolicyWhenTheCountsCannotBeRead() {
    Guardrail guardrail =
        Fixtures.guardrail(
            Fixtures.defaultPolicy(),
            limited(new GuardrailProperties.RateLimit("tool", "*", 1L, HOUR)),
            (key, from, to) -> OptionalLong.empty());

    assertThat(judgeLookup(guardrail, "g-4", "acme").emit().getFirst().getClass().getSimpleName())
        .isEqualTo("ActionAllowed");
  }

  @Test
  void shouldRefuseLimitsThatCannotBeCounted() {
    assertThatThrownBy(
            () ->
                new RateLimiter(
                    new GuardrailProperties.RateLimits(
                        Duration.ofMinutes(1),
                        List.of(new GuardrailProperties.RateLimit("planet", "*", 1L, HOUR))),
                    usage))
        .isInstanceOf(InvalidConfigurationException.class)
        .hasMessageContaining("limits[0].scope must be tool, agent or tenant");
    assertThatThrownBy(
            () ->
                new RateLimiter(
                    new GuardrailProperties.RateLimits(
                        Duration.ofMinutes(1),
                        List.of(
                            new GuardrailProperties.RateLimit(
                                "tool", "*", 1L, Duration.ofSeconds(90)))),
                    usage))
        .hasMessageContaining("whole number of buckets");
    assertThatThrownBy(
            () ->
                new RateLimiter(
                    new GuardrailProperties.RateLimits(
                        null, List.of(new GuardrailProperties.RateLimit("tool", "*", 0L, HOUR))),
                    usage))
        .hasMessageContaining("max must be at least 1");
  }

  private static Decision<GuardrailState> judgeLookup(
      Guardrail guardrail, String goalId, String tenant) {
    GuardrailState known = guardrail.decide(null, Fixtures.submitted(goalId, tenant, "a")).state();
    return guardrail.decide(
        known,
        Fixtures.proposed(
            goalId,
            "sdr",
            Fixtures.action(goalId + "/s", "crm.lookup_account", "{\"account\":\"ACME\"}")));
  }
}
