package dev.switchboard.guardrail;

import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * Reads one catalog's global store ({@link CatalogTopology}); null while the streams are not up or
 * the store cannot be read, so callers fall back to their configured facts.
 */
final class CatalogStore {
  private final Supplier<KafkaStreams> streams;
  private final String name;
  private volatile ReadOnlyKeyValueStore<String, byte[]> store;

  CatalogStore(Supplier<KafkaStreams> streams, String name) {
    this.streams = streams;
    this.name = name;
  }

  /** The entry's bytes, or null for none (or none readable now). */
  byte[] get(String key) {
    if (key == null || key.isEmpty()) {
      return null;
    }
    try {
      ReadOnlyKeyValueStore<String, byte[]> entries = store();
      return entries == null ? null : entries.get(key);
    } catch (InvalidStateStoreException e) {
      store = null;
      return null;
    }
  }

  private ReadOnlyKeyValueStore<String, byte[]> store() {
    ReadOnlyKeyValueStore<String, byte[]> entries = store;
    if (entries != null) {
      return entries;
    }
    KafkaStreams kafkaStreams = streams.get();
    if (kafkaStreams == null) {
      return null;
    }
    entries =
        kafkaStreams.store(
            StoreQueryParameters.fromNameAndType(
                name, QueryableStoreTypes.<String, byte[]>keyValueStore()));
    store = entries;
    return entries;
  }
}
