package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class GoalStateCodecTest {
  record Count(int seen) {}

  private final GoalStateCodec<Count> codec = new GoalStateCodec<>(new EventCodec(), Count.class);

  @Test
  void shouldKeepPendingEffectsAndTimersAcrossTheChangelog() {
    Instant at = Instant.parse("2025-01-01T10:00:00Z");
    PendingEffect pending =
        new PendingEffect(
            "tool",
            JsonNodeFactory.instance.objectNode().put("tool", "demo.send"),
            false,
            30_000,
            2,
            true,
            at,
            at.plusSeconds(35),
            at.plusSeconds(65));
    StoredGoal<Count> goal =
        new StoredGoal<>(
            new Count(3), List.of(UUID.randomUUID()), Map.of("e-1", pending), Map.of("sla", 42L));

    assertThat(codec.decode(codec.encode(goal))).isEqualTo(goal);
  }

  @Test
  void shouldReadStateStoredBeforeEffectsExisted() {
    UUID applied = UUID.randomUUID();
    byte[] old =
        ("{\"state\":{\"seen\":1},\"applied\":[\"" + applied + "\"]}")
            .getBytes(StandardCharsets.UTF_8);

    StoredGoal<Count> goal = codec.decode(old);

    assertThat(goal.state()).isEqualTo(new Count(1));
    assertThat(goal.hasApplied(applied)).isTrue();
    assertThat(goal.effects()).isEmpty();
    assertThat(goal.timers()).isEmpty();
  }
}
