package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.GoalStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NullNode;

class PlannerStateTest {
  private final EventCodec codec = new EventCodec();

  @Test
  void shouldSurviveTheJsonRoundTripOfTheStateStore() {
    PlannerState state =
        PlannerState.started("g", "demo", "Follow up", Map.of("account", "ACME"))
            .proposing(List.of("g/step-1", "g/step-2"))
            .withResult("g/step-1", JsonNodeFactory.instance.objectNode().put("contact", "x@y"))
            .withResult("g/step-2", null)
            .withStatus(GoalStatus.WAITING_FOR_HUMAN);

    byte[] json = codec.mapper().writeValueAsBytes(state);
    PlannerState read = codec.mapper().readValue(json, PlannerState.class);

    assertThat(read).isEqualTo(state);
    assertThat(read.results().get("g/step-2")).isEqualTo(NullNode.getInstance());
  }

  @Test
  void shouldForgetPendingActionsWhenTheGoalEnds() {
    PlannerState ended =
        PlannerState.started("g", "demo", "d", Map.of())
            .proposing(List.of("g/step-1"))
            .ended(GoalStatus.CANCELLED);

    assertThat(ended.pending()).isEmpty();
    assertThat(ended.status().ended()).isTrue();
  }
}
