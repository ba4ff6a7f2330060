package dev.switchboard.guardrail;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.VerdictEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.edge.TopologyExtension;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate counters, a sub-topology of the guardrail's goal stream application:
 *
 * <pre>
 * verdict (ActionAllowed, keyed by goal)
 *   → one record per usage key (tool|…, agent|…, tenant|…)
 *   → repartition by usage key → windowed count per bucket (changelogged)
 *   → {@code <prefix>guardrail.rate-usage} (key "usage-key@bucket-start", value count)
 *   → global store {@value #STORE} on every instance, read by {@link StreamsRateUsage}
 * </pre>
 *
 * Counting scales with the partitions of the repartition topic (any instance counts any key); every
 * instance reads all counts, a few small records per key and bucket. The verdict is the guardrail's
 * own, committed output, so each allowed action is counted exactly once.
 */
final class RateUsageTopology implements TopologyExtension {
  static final String STORE = "rate-usage";
  private static final Logger log = LoggerFactory.getLogger(RateUsageTopology.class);

  private final EventCodec codec;
  private final Duration bucket;
  private final Duration retention;

  RateUsageTopology(EventCodec codec, Duration bucket, Duration longestWindow) {
    this.codec = codec;
    this.bucket = bucket;
    this.retention = longestWindow.plus(bucket.multipliedBy(2));
  }

  static String topicName(TopicNames names) {
    return names.prefix() + "guardrail.rate-usage";
  }

  /** Counts are kept a little longer than the longest window needs them. */
  Duration retention() {
    return retention;
  }

  @Override
  public void addTo(StreamsBuilder builder, TopicNames names, String applicationId) {
    String usageTopic = topicName(names);
    builder.stream(names.of(Topics.VERDICT), Consumed.with(Serdes.String(), Serdes.ByteArray()))
        .flatMap(
            (goalId, bytes) ->
                usageKeysOf(bytes).stream().map(key -> KeyValue.pair(key, 1L)).toList(),
            Named.as("rate-usage-keys"))
        .groupByKey(Grouped.with(STORE, Serdes.String(), Serdes.Long()))
        .windowedBy(TimeWindows.ofSizeAndGrace(bucket, bucket))
        .count(
            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(STORE + "-buckets")
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long())
                .withRetention(retention))
        .toStream()
        .map(
            (window, count) -> KeyValue.pair(window.key() + "@" + window.window().start(), count),
            Named.as("rate-usage-by-bucket"))
        .to(usageTopic, Produced.with(Serdes.String(), Serdes.Long()));
    builder.globalTable(
        usageTopic,
        Consumed.with(Serdes.String(), Serdes.Long()),
        Materialized.<String, Long, KeyValueStore<Bytes, byte[]>>as(STORE)
            .withKeySerde(Serdes.String())
            .withValueSerde(Serdes.Long()));
  }

  private List<String> usageKeysOf(byte[] bytes) {
    try {
      VerdictEvent verdict = codec.decode(Topics.VERDICT, bytes);
      if (verdict instanceof ActionAllowed allowed && allowed.audit() != null) {
        return RateUsage.keysOf(
            allowed.audit().tool(), allowed.audit().agent(), allowed.audit().tenant());
      }
    } catch (MalformedEventException e) {
      // The goal processor's consumers dead-letter bad verdicts; counting just skips them.
      log.debug("rate counters skip a verdict they cannot read: {}", e.getMessage());
    }
    return List.of();
  }
}
