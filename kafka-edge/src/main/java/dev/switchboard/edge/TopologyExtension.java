package dev.switchboard.edge;

import dev.switchboard.contracts.TopicNames;
import org.apache.kafka.streams.StreamsBuilder;

/**
 * A sub-topology a service adds to its goal stream application, beside the per-goal processor:
 * state keyed by something other than the goal (the guardrail's rate counters). It runs in the same
 * exactly-once application, so its global stores are restored before any goal is processed.
 */
@FunctionalInterface
public interface TopologyExtension {

  /**
   * @param applicationId the Kafka Streams application id, the prefix of internal topic names
   */
  void addTo(StreamsBuilder builder, TopicNames names, String applicationId);
}
