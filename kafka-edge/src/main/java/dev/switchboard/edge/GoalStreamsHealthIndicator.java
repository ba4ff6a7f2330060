package dev.switchboard.edge;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/** Ready only while the goal stream runs: connected to Kafka, state restored, partitions owned. */
final class GoalStreamsHealthIndicator extends AbstractHealthIndicator {
  private final StreamsBuilderFactoryBean streams;

  GoalStreamsHealthIndicator(StreamsBuilderFactoryBean streams) {
    super("goal stream health check failed");
    this.streams = streams;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    KafkaStreams kafkaStreams = streams.getKafkaStreams();
    KafkaStreams.State state = kafkaStreams == null ? null : kafkaStreams.state();
    builder.withDetail("state", String.valueOf(state));
    if (state == KafkaStreams.State.RUNNING) {
      builder.up();
    } else {
      builder.down();
    }
  }
}
