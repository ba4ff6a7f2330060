package dev.switchboard.planner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wait for unlisted tools: when it starts and ends, when it looks again, what a failure says.
 */
class UnknownToolGraceTest {
  private static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");
  private final UnknownToolGrace grace =
      new UnknownToolGrace(Duration.ofSeconds(30), Duration.ofSeconds(1));

  @Test
  void shouldStartAWaitOfTheGraceThatLooksAgainAfterTheRecheckInterval() {
    UnknownToolGrace.Verdict verdict = grace.check(null, "sdr", List.of("b.x", "a.y", "b.x"), T0);

    assertThat(verdict)
        .isEqualTo(
            new UnknownToolGrace.KeepWaiting(
                new ToolWait(List.of("a.y", "b.x"), T0, T0.plusSeconds(30), T0.plusSeconds(1))));
  }

  @Test
  void shouldKeepTheStartAndEndOfAWaitWhenLookingAgainAndNeverLookAfterItsEnd() {
    ToolWait waiting = new ToolWait(List.of("a.y"), T0, T0.plusSeconds(30), T0.plusSeconds(1));

    UnknownToolGrace.Verdict later =
        grace.check(waiting, "sdr", List.of("c.z"), T0.plusMillis(29_500));

    assertThat(later)
        .isEqualTo(
            new UnknownToolGrace.KeepWaiting(
                new ToolWait(List.of("c.z"), T0, T0.plusSeconds(30), T0.plusSeconds(30))));
  }

  @Test
  void shouldGiveUpAtTheEndOfTheGraceNamingTheAgentTheToolsAndTheWait() {
    ToolWait waiting = new ToolWait(List.of("a.y"), T0, T0.plusSeconds(30), T0.plusSeconds(30));

    assertThat(grace.check(waiting, "sdr", List.of("a.y"), T0.plusSeconds(30)))
        .isEqualTo(
            new UnknownToolGrace.GiveUp(
                "agent 'sdr' would call a.y, which the executor's tools catalog does not list"
                    + " (waited PT30S)"));
  }

  @Test
  void shouldGiveUpAtOnceWithoutAGrace() {
    assertThat(UnknownToolGrace.NONE.check(null, "sdr", List.of("a.y"), T0))
        .isEqualTo(
            new UnknownToolGrace.GiveUp(
                "agent 'sdr' would call a.y, which the executor's tools catalog does not list"));
  }

  @Test
  void shouldRefuseNegativeDurationsAndAGraceWithoutRechecks() {
    assertThatThrownBy(() -> new UnknownToolGrace(Duration.ofSeconds(-1), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new UnknownToolGrace(Duration.ofSeconds(30), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
