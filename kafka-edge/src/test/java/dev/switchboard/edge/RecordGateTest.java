package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.SwitchboardHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.Test;

class RecordGateTest {
  private final RecordGate gate = new RecordGate(100, 3);

  @Test
  void shouldPickThePartitionKafkasProducerPicks() {
    for (String key : new String[] {"a", "goal-1", "g-ü-42", ""}) {
      assertThat(gate.partitionOf(key))
          .isEqualTo(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), 3));
    }
  }

  @Test
  void shouldCountKeyValueAndHeadersAgainstTheLimit() {
    RecordHeaders headers = new RecordHeaders();
    headers.add("h", new byte[10]);
    assertThat(RecordGate.sizeOf("key", new byte[20], headers)).isEqualTo(3 + 20 + 1 + 10);
    assertThat(RecordGate.sizeOf(null, null, null)).isZero();
  }

  @Test
  void shouldReferToARecordOverTheLimitInsteadOfCopyingIt() {
    String key = "k";
    Record<String, byte[]> record = new Record<>(key, new byte[100], 0L);
    RecordGate.Rejection rejection =
        gate.check(record, new RecordOrigin("t", gate.partitionOf(key), 7, false)).orElseThrow();
    assertThat(rejection.whole()).isFalse();
    assertThat(rejection.size()).isEqualTo(101);
    assertThat(rejection.reason()).contains("101 bytes exceeds the limit of 100");
  }

  @Test
  void shouldRefuseARecordOffItsKeysPartitionOrWithoutKey() {
    String key = "goal-7";
    int home = gate.partitionOf(key);
    Record<String, byte[]> record = new Record<>(key, new byte[5], 0L);

    assertThat(gate.check(record, new RecordOrigin("t", home, 0, false))).isEmpty();
    assertThat(gate.check(record, new RecordOrigin("t", (home + 1) % 3, 0, false)))
        .get()
        .satisfies(r -> assertThat(r.whole()).isTrue())
        .satisfies(r -> assertThat(r.reason()).contains("belongs on partition " + home));
    assertThat(gate.check(new Record<>(null, new byte[5], 0L), new RecordOrigin("t", 0, 0, false)))
        .get()
        .satisfies(r -> assertThat(r.reason()).contains("no key"));
  }

  @Test
  void shouldTakeTheVerdictStampedBeforeReKeyingAndNotCheckThePartitionAgain() {
    RecordHeaders headers = new RecordHeaders();
    Record<String, byte[]> rekeyed = new Record<>("goal-7", new byte[5], 0L, headers);
    int other = (gate.partitionOf("goal-7") + 1) % 3;
    assertThat(gate.check(rekeyed, new RecordOrigin("goals", other, 0, true))).isEmpty();

    EventHeaders.put(headers, SwitchboardHeaders.DLQ_REASON, "record of 5000 bytes exceeds");
    EventHeaders.put(headers, SwitchboardHeaders.DLQ_SOURCE_SIZE, "5000");
    Record<String, byte[]> refused = new Record<>("goal-7", null, 0L, headers);
    assertThat(gate.check(refused, new RecordOrigin("goals", other, 0, true)))
        .get()
        .isEqualTo(new RecordGate.Rejection("record of 5000 bytes exceeds", false, 5000));
  }
}
