package dev.switchboard.edge;

import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Where a service keeps its per-goal state store. Without a bean of this type the store is in
 * memory (restored from its changelog on start); a service whose state is large declares one, e.g.
 * {@link #persistent()} for RocksDB on disk.
 */
@FunctionalInterface
public interface GoalStoreSupplier {

  KeyValueBytesStoreSupplier get(String storeName);

  static GoalStoreSupplier inMemory() {
    return Stores::inMemoryKeyValueStore;
  }

  static GoalStoreSupplier persistent() {
    return Stores::persistentKeyValueStore;
  }
}
