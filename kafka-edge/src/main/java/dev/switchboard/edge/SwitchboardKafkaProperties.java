package dev.switchboard.edge;

import dev.switchboard.contracts.EventCodec;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings every service shares ({@code switchboard.kafka.*}); the broker address itself is
 * Spring's {@code spring.kafka.bootstrap-servers}.
 *
 * @param topicPrefix put before every topic name (and the Kafka Streams application id)
 * @param partitions partitions of the topics a service creates; all must match (co-partitioned)
 * @param replicationFactor replicas of created topics and internal state topics
 * @param maxEventBytes larger records (key, value and headers) go to the dead-letter topic unread,
 *     as a reference without their payload
 * @param instanceId this instance's stable name within its service (static group membership: a
 *     restarted instance takes its partitions back at once instead of waiting out the crashed one's
 *     session); unset, members are dynamic. Unique per running instance, or one fences the other
 * @param rebalanceGrace how long a rebalance of a running goal stream still counts as ready (10 s;
 *     see GoalStreamsHealthIndicator)
 */
@ConfigurationProperties("switchboard.kafka")
public record SwitchboardKafkaProperties(
    String topicPrefix,
    Integer partitions,
    Short replicationFactor,
    Integer maxEventBytes,
    String instanceId,
    Duration rebalanceGrace) {

  public SwitchboardKafkaProperties {
    topicPrefix = topicPrefix == null ? "" : topicPrefix;
    partitions = partitions == null ? 3 : partitions;
    replicationFactor = replicationFactor == null ? 1 : replicationFactor;
    maxEventBytes = maxEventBytes == null ? EventCodec.DEFAULT_MAX_EVENT_BYTES : maxEventBytes;
    instanceId = instanceId == null || instanceId.isBlank() ? null : instanceId.strip();
    rebalanceGrace = rebalanceGrace == null ? Duration.ofSeconds(10) : rebalanceGrace;
    if (rebalanceGrace.isNegative()) {
      throw new IllegalArgumentException(
          "switchboard.kafka.rebalance-grace must not be negative: " + rebalanceGrace);
    }
  }

  /** This instance's static member name, if it has one. */
  public Optional<String> staticInstanceId() {
    return Optional.ofNullable(instanceId);
  }
}
