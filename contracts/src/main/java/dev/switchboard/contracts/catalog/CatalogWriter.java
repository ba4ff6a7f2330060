package dev.switchboard.contracts.catalog;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.WriterSignatures;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes a catalog's entries (key = name) and tombstones, waiting for the broker's acknowledgement.
 * Only the catalog's one writer may open it, and it signs what it writes with its event-signing key
 * ({@link WriterSignatures#CATALOG_DOMAIN}), so readers can tell its entries from forged ones.
 */
public final class CatalogWriter<E extends CatalogEntry> implements AutoCloseable {
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  private final Producer<String, byte[]> producer;
  private final String topic;
  private final CatalogTopic<E> catalog;
  private final EventCodec codec;
  private final WriterSignatures signatures;

  /**
   * @param signatures signs every entry and tombstone with the writer's key (off without keys)
   */
  public CatalogWriter(
      Map<String, Object> producerConfig,
      TopicNames names,
      CatalogTopic<E> catalog,
      Service writer,
      EventCodec codec,
      WriterSignatures signatures) {
    this(newProducer(producerConfig), names, catalog, writer, codec, signatures);
  }

  CatalogWriter(
      Producer<String, byte[]> producer,
      TopicNames names,
      CatalogTopic<E> catalog,
      Service writer,
      EventCodec codec,
      WriterSignatures signatures) {
    if (catalog.writer() != writer) {
      producer.close(Duration.ZERO);
      throw new IllegalStateException(
          writer
              + " may not write "
              + catalog.baseName()
              + " (its writer is "
              + catalog.writer()
              + ")");
    }
    this.producer = producer;
    this.topic = names.of(catalog);
    this.catalog = catalog;
    this.codec = codec;
    this.signatures = signatures;
  }

  /** The compacted topic's real name. */
  public String topic() {
    return topic;
  }

  public void publish(E entry) {
    send(entry.name(), codec.encode(entry));
  }

  /** A tombstone: the entry is gone once the topic is compacted, and readers drop it at once. */
  public void remove(String name) {
    send(name, null);
  }

  private void send(String name, byte[] value) {
    try {
      RecordHeaders headers = new RecordHeaders();
      signatures.sign(WriterSignatures.CATALOG_DOMAIN, catalog.baseName(), name, value, headers);
      producer
          .send(new ProducerRecord<>(topic, null, name, value, headers))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing " + name + " to " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "could not write " + catalog.baseName() + " entry " + name + ": " + e, e);
    }
  }

  private static Producer<String, byte[]> newProducer(Map<String, Object> producerConfig) {
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
