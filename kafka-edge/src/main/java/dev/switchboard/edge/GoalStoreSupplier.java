package dev.switchboard.edge;

import org.apache.kafka.streams.state.KeyValueBytesStoreSupplier;
import org.apache.kafka.streams.state.Stores;

/**
 * Where a service keeps its per-goal state store. Without a bean of this type it is RocksDB on disk
 * ({@link #persistent()}, memory bounded by {@link StoreMemory}): the heap holds no goal, waiting
 * or ended (an ended goal's tombstone stays for {@code switchboard.retention.tombstones}), and a
 * restart with the same state directory restores only the changelog's tail. {@link #inMemory()} is
 * faster per read and write, costs heap for every goal and tombstone, and restores the whole
 * changelog on every start.
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
