package dev.switchboard.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.WriterKeys;
import dev.switchboard.contracts.WriterSignatures;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.Node;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {
  private static final String TOPIC = "p-tools";
  private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
  private static final TopicPartition P1 = new TopicPartition(TOPIC, 1);

  private final EventCodec codec = new EventCodec();
  private final MockConsumer<String, byte[]> consumer = new MockConsumer<>("earliest");
  private final CatalogReader<ToolEntry> reader =
      new CatalogReader<>(
          consumer, TOPIC, Catalogs.TOOLS, codec, WriterSignatures.off(Service.GUARDRAIL));
  private long offset;

  @AfterEach
  void close() {
    reader.close();
  }

  @Test
  void shouldKeepTheLatestEntryPerNameAndDropTombstones() throws Exception {
    topicWithEnds(3, 0);
    reader.pollOnce();
    consumer.addRecord(record(P0, "crm.lookup_account", codec.encode(ToolEntries.lookup())));
    consumer.addRecord(record(P0, "email.send", codec.encode(ToolEntries.send())));
    ToolEntry described =
        new ToolEntry(
            "email.send",
            "Sends an email to one person",
            null,
            ToolEntry.Annotations.CAUTIOUS,
            false,
            "sales",
            ToolEntries.AT);
    consumer.addRecord(record(P0, "email.send", codec.encode(described)));
    reader.pollOnce();

    assertThat(reader.awaitCaughtUp(Duration.ZERO)).isTrue();
    assertThat(reader.entries()).containsOnlyKeys("crm.lookup_account", "email.send");
    assertThat(reader.find("email.send")).contains(described);

    consumer.addRecord(record(P0, "email.send", null));
    reader.pollOnce();

    assertThat(reader.find("email.send")).isEmpty();
    assertThat(reader.entries()).containsOnlyKeys("crm.lookup_account");
  }

  @Test
  void shouldSkipWhatItCannotReadAndGoOn() {
    topicWithEnds(0, 0);
    reader.pollOnce();
    consumer.addRecord(record(P0, "bad", "{not json".getBytes(StandardCharsets.UTF_8)));
    consumer.addRecord(record(P0, "other.name", codec.encode(ToolEntries.lookup())));
    consumer.addRecord(record(P1, null, codec.encode(ToolEntries.lookup())));
    consumer.addRecord(record(P1, "email.send", codec.encode(ToolEntries.send())));
    reader.pollOnce();

    assertThat(reader.entries()).containsOnlyKeys("email.send");
  }

  @Test
  void shouldBelieveOnlyEntriesAndTombstonesTheCatalogsWriterSignedAndCountTheOthers() {
    WriterKeys keys = new WriterKeys(List.of(Service.EXECUTOR, Service.PLANNER));
    MockConsumer<String, byte[]> signedTopic = new MockConsumer<>("earliest");
    try (CatalogReader<ToolEntry> checking =
        new CatalogReader<>(signedTopic, TOPIC, Catalogs.TOOLS, codec, keys.of(Service.PLANNER))) {
      signedTopic.updatePartitions(TOPIC, List.of(partition(0), partition(1)));
      signedTopic.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
      signedTopic.updateEndOffsets(Map.of(P0, 0L, P1, 0L));
      checking.pollOnce();
      byte[] send = codec.encode(ToolEntries.send());
      signedTopic.addRecord(signed(keys.of(Service.EXECUTOR), "email.send", send));
      // A forged entry that would make email.send read-only, hence allowed without a person:
      ToolEntry readOnlySend =
          new ToolEntry(
              "email.send",
              "Sends an email",
              null,
              ToolEntry.Annotations.READ_ONLY,
              true,
              "sales",
              ToolEntries.AT);
      signedTopic.addRecord(record(P0, "email.send", codec.encode(readOnlySend)));
      signedTopic.addRecord(
          signed(keys.of(Service.PLANNER), "email.send", codec.encode(readOnlySend)));
      ConsumerRecord<String, byte[]> changed =
          signed(keys.of(Service.EXECUTOR), "email.send", send);
      signedTopic.addRecord(
          new ConsumerRecord<>(
              TOPIC,
              0,
              offset++,
              ConsumerRecord.NO_TIMESTAMP,
              org.apache.kafka.common.record.TimestampType.NO_TIMESTAMP_TYPE,
              ConsumerRecord.NULL_SIZE,
              ConsumerRecord.NULL_SIZE,
              "email.send",
              codec.encode(readOnlySend),
              changed.headers(),
              java.util.Optional.empty()));
      signedTopic.addRecord(record(P0, "email.send", null)); // an unsigned tombstone
      checking.pollOnce();

      assertThat(checking.find("email.send")).contains(ToolEntries.send());
      assertThat(checking.refused()).isEqualTo(4);

      signedTopic.addRecord(signed(keys.of(Service.EXECUTOR), "email.send", null));
      checking.pollOnce();
      assertThat(checking.find("email.send")).isEmpty();
    }
  }

  @Test
  void shouldNotBeCaughtUpBeforeItReadWhatWasThereAtTheStart() throws Exception {
    topicWithEnds(2, 0);
    reader.pollOnce();
    consumer.addRecord(record(P0, "crm.lookup_account", codec.encode(ToolEntries.lookup())));
    reader.pollOnce();

    assertThat(reader.awaitCaughtUp(Duration.ZERO)).isFalse();

    consumer.addRecord(record(P0, "email.send", codec.encode(ToolEntries.send())));
    reader.pollOnce();

    assertThat(reader.awaitCaughtUp(Duration.ZERO)).isTrue();
  }

  @Test
  void shouldCountAMissingTopicAsAnEmptyCatalog() throws Exception {
    consumer.updatePartitions(TOPIC, List.of());
    reader.pollOnce();

    assertThat(reader.awaitCaughtUp(Duration.ZERO)).isTrue();
    assertThat(reader.entries()).isEmpty();
  }

  private void topicWithEnds(long end0, long end1) {
    consumer.updatePartitions(TOPIC, List.of(partition(0), partition(1)));
    consumer.updateBeginningOffsets(Map.of(P0, 0L, P1, 0L));
    consumer.updateEndOffsets(Map.of(P0, end0, P1, end1));
  }

  private ConsumerRecord<String, byte[]> record(
      TopicPartition partition, String key, byte[] value) {
    return new ConsumerRecord<>(TOPIC, partition.partition(), offset++, key, value);
  }

  private ConsumerRecord<String, byte[]> signed(WriterSignatures by, String key, byte[] value) {
    ConsumerRecord<String, byte[]> record = record(P0, key, value);
    by.sign(
        WriterSignatures.CATALOG_DOMAIN, Catalogs.TOOLS.baseName(), key, value, record.headers());
    return record;
  }

  private static PartitionInfo partition(int number) {
    Node node = new Node(0, "localhost", 9092);
    return new PartitionInfo(TOPIC, number, node, new Node[] {node}, new Node[] {node});
  }
}
