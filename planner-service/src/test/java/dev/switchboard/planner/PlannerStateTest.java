package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventCodec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlannerStateTest {
  private final EventCodec codec = new EventCodec();

  @Test
  void shouldSurviveTheJsonRoundTripOfTheStateStore() {
    GoalDriver goal = new GoalDriver(TestAgents.examples());
    goal.submit("sdr", "Reach out to ACME", Map.of("account", "ACME"));
    goal.succeed(
        goal.action("sdr", "qualify"),
        "{\"id\": \"A-1\", \"name\": \"ACME Corp\", \"status\": \"prospect\", \"n\": null}");
    goal.handOverAsProposed();
    goal.escalate(goal.action("researcher", "account"));
    goal.cancel();
    PlannerState state = goal.state;
    assertThat(state.callers()).isNotEmpty();
    assertThat(state.cancellation()).isNotNull();

    byte[] json = codec.mapper().writeValueAsBytes(state);
    PlannerState read = codec.mapper().readValue(json, PlannerState.class);

    assertThat(read).isEqualTo(state);
  }

  @Test
  void shouldKeepAWaitForUnlistedToolsThroughTheJsonRoundTrip() {
    GoalDriver goal =
        new GoalDriver(
            TestAgents.examples(),
            tool -> true,
            java.time.Duration.ofSeconds(30),
            java.time.Duration.ofSeconds(1));
    goal.submit("sdr", "Reach out to ACME", Map.of("account", "ACME"));
    PlannerState state = goal.state;
    assertThat(state.toolWait()).isNotNull();

    byte[] json = codec.mapper().writeValueAsBytes(state);

    assertThat(codec.mapper().readValue(json, PlannerState.class)).isEqualTo(state);
  }

  @Test
  void shouldTreatNullAndBlankFactsAsMissing() {
    GoalDriver goal = new GoalDriver(TestAgents.examples());
    goal.submit("sdr", "Reach out", Map.of("account", " "));
    goal.succeed(goal.action("sdr", "qualify"), "{\"id\": null, \"name\": \"\", \"status\": 3}");

    assertThat(goal.state.fact("inputs.account")).isEmpty();
    assertThat(goal.state.fact("account_id")).isEmpty();
    assertThat(goal.state.fact("account_name")).isEmpty();
    assertThat(goal.state.fact("account_status"))
        .hasValueSatisfying(v -> assertThat(v.asInt()).isEqualTo(3));
    assertThat(goal.state.fact("description"))
        .hasValueSatisfying(v -> assertThat(v.asString()).isEqualTo("Reach out"));
  }
}
