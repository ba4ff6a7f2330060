package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Bytes;
import org.junit.jupiter.api.Test;

class TimerKeyTest {

  @Test
  void shouldSortStoreKeysByDueTimeAsTheStoreDoes() {
    List<TimerKey> keys =
        List.of(
            TimerKey.processorTimer(10_000, "g-b", "sla"),
            TimerKey.processorTimer(9, "g-z", "sla"),
            TimerKey.effectDeadline(1_000_000_000_000L, "g-a", "e-1"),
            TimerKey.processorTimer(99, "g-a", "sla"),
            TimerKey.effectDeadline(100, "g-a", "e-1"));
    // The stores compare keys as bytes (UTF-8 of the string serde).
    TreeMap<Bytes, TimerKey> store = new TreeMap<>();
    keys.forEach(key -> store.put(Bytes.wrap(key.storeKey().getBytes()), key));

    assertThat(store.values())
        .extracting(TimerKey::dueMillis)
        .containsExactly(9L, 99L, 100L, 10_000L, 1_000_000_000_000L);
  }

  @Test
  void shouldBoundARangeScanAtNowInclusive() {
    long now = 1_700_000_000_123L;
    String upper = TimerKey.highestDueBy(now);

    assertThat(TimerKey.processorTimer(now, "g|1", "x").storeKey()).isLessThan(upper);
    assertThat(TimerKey.effectDeadline(now - 1, "zzzz", "e").storeKey()).isLessThan(upper);
    assertThat(TimerKey.processorTimer(now + 1, "a", "x").storeKey()).isGreaterThan(upper);
    assertThat(TimerKey.processorTimer(0, "a", "x").storeKey())
        .isGreaterThanOrEqualTo(TimerKey.lowest());
  }

  @Test
  void shouldKeepKeysOfDifferentGoalsAndTimersApartWhateverTheirCharacters() {
    List<String> storeKeys = new ArrayList<>();
    storeKeys.add(TimerKey.processorTimer(5, "a|p:x", "y").storeKey());
    storeKeys.add(TimerKey.processorTimer(5, "a", "x|p:y").storeKey());
    storeKeys.add(TimerKey.effectDeadline(5, "a", "x").storeKey());
    storeKeys.add(TimerKey.processorTimer(5, "a", "x").storeKey());

    assertThat(storeKeys).doesNotHaveDuplicates();
  }

  @Test
  void shouldTellProcessorTimersFromEffectDeadlines() {
    TimerKey deadline = TimerKey.effectDeadline(5, "g", "act-1");
    TimerKey timer = TimerKey.processorTimer(5, "g", "sla");

    assertThat(deadline.isEffectDeadline()).isTrue();
    assertThat(deadline.id()).isEqualTo("act-1");
    assertThat(timer.isEffectDeadline()).isFalse();
    assertThat(timer.id()).isEqualTo("sla");
  }

  @Test
  void shouldClampTimesBeforeTheEpochToTheFirstKey() {
    assertThat(TimerKey.processorTimer(-5, "g", "t").storeKey())
        .startsWith(TimerKey.lowest() + "|");
  }
}
