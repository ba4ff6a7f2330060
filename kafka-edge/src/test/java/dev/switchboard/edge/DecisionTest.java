package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DecisionTest {
  private static final Instant AT = Instant.parse("2025-01-01T10:00:00Z");

  @Test
  void shouldAddEffectsAndTimersWithoutChangingTheOriginal() {
    GoalCompleted done = new GoalCompleted("g-1", UUID.randomUUID(), null, AT, "done", null);
    Decision<String> plain = Decision.of("state", done);
    Effect effect = new Effect("e-1", "tool", null, false, Duration.ofSeconds(1));

    Decision<String> more = plain.withEffect(effect).withTimer("sla", AT).cancelTimer("reminder");

    assertThat(plain.effects()).isEmpty();
    assertThat(plain.timers()).isEmpty();
    assertThat(more.state()).isEqualTo("state");
    assertThat(more.emit()).containsExactly(done);
    assertThat(more.effects()).containsExactly(effect);
    assertThat(more.timers())
        .containsExactly(new TimerChange.Schedule("sla", AT), new TimerChange.Cancel("reminder"));
  }

  @Test
  void shouldRefuseEffectsAndTimersWithoutTheirParts() {
    assertThatThrownBy(() -> new Effect(" ", "tool", null, false, Duration.ofSeconds(1)))
        .hasMessageContaining("effectId");
    assertThatThrownBy(() -> new Effect("e", "tool", null, false, Duration.ZERO))
        .hasMessageContaining("timeout");
    assertThatThrownBy(() -> Decision.of("s").withTimer("t", null)).hasMessageContaining("time");
    assertThatThrownBy(() -> Decision.of("s").cancelTimer("")).hasMessageContaining("timerId");
  }
}
