package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.edge.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/** Ready while running; a short rebalance of a running stream stays ready, a long one does not. */
class GoalStreamsHealthIndicatorTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private State state = State.CREATED;
  private final GoalStreamsHealthIndicator indicator =
      new GoalStreamsHealthIndicator(() -> state, Duration.ofSeconds(10), clock);

  @Test
  void shouldBeReadyOnlyOnceTheStreamFirstRuns() {
    assertThat(status()).isEqualTo(Status.DOWN);
    move(State.REBALANCING);
    clock.advance(Duration.ofSeconds(1));
    assertThat(status()).as("restoring before the first run").isEqualTo(Status.DOWN);

    move(State.RUNNING);

    assertThat(status()).isEqualTo(Status.UP);
  }

  @Test
  void shouldStayReadyThroughAShortRebalanceOfARunningStreamButNotALongOne() {
    move(State.REBALANCING);
    move(State.RUNNING);

    move(State.REBALANCING);
    clock.advance(Duration.ofSeconds(9));
    assertThat(status()).isEqualTo(Status.UP);
    clock.advance(Duration.ofSeconds(1));
    assertThat(status()).as("a rebalance past the grace").isEqualTo(Status.DOWN);

    move(State.RUNNING);
    move(State.REBALANCING);
    assertThat(status()).as("the grace counts from this rebalance").isEqualTo(Status.UP);
  }

  @Test
  void shouldBeDownOnceTheStreamStopsOrFails() {
    move(State.RUNNING);
    move(State.PENDING_ERROR);
    assertThat(status()).isEqualTo(Status.DOWN);
    move(State.ERROR);
    assertThat(status()).isEqualTo(Status.DOWN);
  }

  @Test
  void shouldBeDownBeforeTheStreamExists() {
    GoalStreamsHealthIndicator none =
        new GoalStreamsHealthIndicator(() -> null, Duration.ofSeconds(10), clock);

    assertThat(none.health(true).getStatus()).isEqualTo(Status.DOWN);
  }

  private void move(State next) {
    State old = state;
    state = next;
    indicator.onChange(next, old);
  }

  private Status status() {
    return indicator.health(true).getStatus();
  }
}
