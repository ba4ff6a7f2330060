package dev.switchboard.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.WriterKeys;
import dev.switchboard.contracts.WriterSignatures;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class CatalogWriterTest {
  private final EventCodec codec = new EventCodec();
  private final MockProducer<String, byte[]> producer =
      new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

  @Test
  void shouldWriteEntriesByNameAndTombstones() {
    try (CatalogWriter<ToolEntry> writer =
        new CatalogWriter<>(
            producer,
            new TopicNames("p-"),
            Catalogs.TOOLS,
            Service.EXECUTOR,
            codec,
            WriterSignatures.off(Service.EXECUTOR))) {
      writer.publish(ToolEntries.lookup());
      writer.remove("email.send");

      assertThat(writer.topic()).isEqualTo("p-tools");
    }

    ProducerRecord<String, byte[]> published = producer.history().get(0);
    assertThat(published.topic()).isEqualTo("p-tools");
    assertThat(published.key()).isEqualTo("crm.lookup_account");
    assertThat(codec.decode(Catalogs.TOOLS, published.value())).isEqualTo(ToolEntries.lookup());
    ProducerRecord<String, byte[]> tombstone = producer.history().get(1);
    assertThat(tombstone.key()).isEqualTo("email.send");
    assertThat(tombstone.value()).isNull();
  }

  @Test
  void shouldSignEveryEntryAndTombstoneSoTheCatalogsReadersCanCheckThem() {
    WriterKeys keys = new WriterKeys(List.of(Service.EXECUTOR));
    try (CatalogWriter<ToolEntry> writer =
        new CatalogWriter<>(
            producer,
            TopicNames.unprefixed(),
            Catalogs.TOOLS,
            Service.EXECUTOR,
            codec,
            keys.of(Service.EXECUTOR))) {
      writer.publish(ToolEntries.lookup());
      writer.remove("email.send");
    }

    WriterSignatures reader = keys.of(Service.EXECUTOR);
    for (ProducerRecord<String, byte[]> written : producer.history()) {
      assertThat(
              reader.problemWith(
                  WriterSignatures.CATALOG_DOMAIN,
                  "tools",
                  Service.EXECUTOR,
                  written.key(),
                  written.value(),
                  written.headers()))
          .isEmpty();
      assertThat(
              reader.problemWith(
                  WriterSignatures.EVENT_DOMAIN,
                  "tools",
                  Service.EXECUTOR,
                  written.key(),
                  written.value(),
                  written.headers()))
          .as("a catalog signature is no event signature")
          .isPresent();
    }
  }

  @Test
  void shouldRefuseAServiceThatIsNotTheCatalogsWriter() {
    assertThatThrownBy(
            () ->
                new CatalogWriter<>(
                    producer,
                    TopicNames.unprefixed(),
                    Catalogs.TOOLS,
                    Service.PLANNER,
                    codec,
                    WriterSignatures.off(Service.PLANNER)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("PLANNER may not write tools (its writer is EXECUTOR)");
  }
}
