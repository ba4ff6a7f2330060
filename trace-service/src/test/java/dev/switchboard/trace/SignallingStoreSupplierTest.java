package dev.switchboard.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;

/** The no-gap guarantee rests on this order: stored first, signalled after. */
class SignallingStoreSupplierTest {
  private final JournalChanges changes = new JournalChanges();
  private final KeyValueStore<Bytes, byte[]> store =
      new SignallingStoreSupplier(Stores.inMemoryKeyValueStore("goal-state"), changes).get();

  @Test
  void shouldSignalAGoalOnlyOnceItsNewValueIsStored() {
    List<String> seen = new ArrayList<>();
    JournalChanges.Registration registration =
        changes.watch("g-1", () -> seen.add(text(store.get(key("g-1")))));
    store.put(key("g-1"), bytes("v1"));
    store.putAll(List.of(KeyValue.pair(key("g-1"), bytes("v2"))));
    store.putIfAbsent(key("g-1"), bytes("ignored"));
    store.delete(key("g-1"));
    registration.close();
    store.put(key("g-1"), bytes("after closing"));

    assertThat(seen).containsExactly("v1", "v2", null);
  }

  @Test
  void shouldTellWatchersOfEveryGoalWhichOneChanged() {
    List<String> seen = new ArrayList<>();
    JournalChanges.Registration registration = changes.watchAll(seen::add);
    store.put(key("g-1"), bytes("v1"));
    store.put(key("g-2"), bytes("v1"));
    registration.close();
    store.put(key("g-3"), bytes("v1"));

    assertThat(seen).containsExactly("g-1", "g-2");
    assertThat(store.name()).isEqualTo("goal-state");
    assertThat(store.persistent()).isFalse();
  }

  private static Bytes key(String goalId) {
    return Bytes.wrap(goalId.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
  }
}
