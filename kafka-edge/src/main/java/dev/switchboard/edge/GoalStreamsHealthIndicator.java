package dev.switchboard.edge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Ready while the goal stream runs: connected to Kafka, state restored, partitions owned.
 *
 * <p>A rebalance of a stream that was running stays ready for the grace ({@code
 * switchboard.kafka.rebalance-grace}): another instance joining or leaving, or a thread that was
 * fenced (its transaction aborted by the coordinator after a broker outage longer than the
 * transaction timeout) and rejoins, rebalances the whole group for a second or two, and readiness
 * that dropped each time would take every instance out of service at once. A rebalance that lasts
 * longer (state to restore, a group that does not settle), and the start until the stream first
 * runs, are not ready. Without a broker the {@code kafkaCluster} check says not ready whatever the
 * stream's state.
 */
final class GoalStreamsHealthIndicator extends AbstractHealthIndicator {
  private final Supplier<State> state;
  private final Duration grace;
  private final Clock clock;
  private volatile Instant rebalancingSince;

  /**
   * @param state the stream's state now; null before it exists
   * @param grace how long a rebalance of a running stream stays ready
   */
  GoalStreamsHealthIndicator(Supplier<State> state, Duration grace, Clock clock) {
    super("goal stream health check failed");
    this.state = state;
    this.grace = grace;
    this.clock = clock;
  }

  /** The stream's state listener: when a rebalance of a running stream began. */
  void onChange(State newState, State oldState) {
    if (newState != State.REBALANCING) {
      rebalancingSince = null;
    } else if (oldState == State.RUNNING) {
      rebalancingSince = clock.instant();
    }
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    State now = state.get();
    builder.withDetail("state", String.valueOf(now));
    Instant since = rebalancingSince;
    if (now == State.RUNNING) {
      builder.up();
    } else if (now == State.REBALANCING
        && since != null
        && Duration.between(since, clock.instant()).compareTo(grace) < 0) {
      builder.withDetail("rebalancingSince", since.toString()).up();
    } else {
      builder.down();
    }
  }

  static Supplier<State> stateOf(Supplier<KafkaStreams> streams) {
    return () -> {
      KafkaStreams kafkaStreams = streams.get();
      return kafkaStreams == null ? null : kafkaStreams.state();
    };
  }
}
