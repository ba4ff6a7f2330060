package dev.switchboard.guardrail;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/** Reads the counts of {@link RateUsageTopology} from its global store on this instance. */
final class StreamsRateUsage implements RateUsage {
  private final Supplier<KafkaStreams> streams;
  private final long bucketMillis;
  private volatile ReadOnlyKeyValueStore<String, Long> store;

  StreamsRateUsage(Supplier<KafkaStreams> streams, Duration bucket) {
    this.streams = streams;
    this.bucketMillis = bucket.toMillis();
  }

  @Override
  public OptionalLong count(String key, Instant from, Instant to) {
    ReadOnlyKeyValueStore<String, Long> counts = store();
    if (counts == null) {
      return OptionalLong.empty();
    }
    long total = 0;
    try {
      for (long start = floor(from.toEpochMilli());
          start <= to.toEpochMilli();
          start += bucketMillis) {
        Long count = counts.get(key + "@" + start);
        total += count == null ? 0 : count;
      }
    } catch (InvalidStateStoreException e) {
      store = null;
      return OptionalLong.empty();
    }
    return OptionalLong.of(total);
  }

  private long floor(long millis) {
    return Math.floorDiv(millis, bucketMillis) * bucketMillis;
  }

  private ReadOnlyKeyValueStore<String, Long> store() {
    ReadOnlyKeyValueStore<String, Long> counts = store;
    if (counts != null) {
      return counts;
    }
    KafkaStreams kafkaStreams = streams.get();
    if (kafkaStreams == null) {
      return null;
    }
    try {
      counts =
          kafkaStreams.store(
              StoreQueryParameters.fromNameAndType(
                  RateUsageTopology.STORE, QueryableStoreTypes.<String, Long>keyValueStore()));
    } catch (InvalidStateStoreException e) {
      return null;
    }
    store = counts;
    return counts;
  }
}
