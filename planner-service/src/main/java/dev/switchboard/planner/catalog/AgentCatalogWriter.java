package dev.switchboard.planner.catalog;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.WriterSignatures;
import dev.switchboard.contracts.catalog.AgentEntry;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.planner.spec.LoadedSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Writes the public part of each loaded spec to the compacted {@code agents} catalog (key = agent
 * name); a removed agent gets a tombstone. The planner is the catalog's one writer.
 */
public final class AgentCatalogWriter implements AutoCloseable {
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);

  private final KafkaProducer<String, byte[]> producer;
  private final String topic;
  private final EventCodec codec;
  private final WriterSignatures signatures;

  /**
   * @param signatures signs each entry and tombstone with the planner's event-signing key
   */
  public AgentCatalogWriter(
      Map<String, Object> producerConfig,
      TopicNames names,
      EventCodec codec,
      WriterSignatures signatures) {
    if (Catalogs.AGENTS.writer() != Service.PLANNER) {
      throw new IllegalStateException("the planner does not write " + Catalogs.AGENTS.baseName());
    }
    Map<String, Object> config = new HashMap<>(producerConfig);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
    this.producer = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    this.topic = names.of(Catalogs.AGENTS);
    this.codec = codec;
    this.signatures = signatures;
  }

  public void publish(LoadedSpec spec) {
    AgentEntry entry = spec.spec().toEntry(spec.contentHash());
    send(entry.name(), codec.mapper().writeValueAsBytes(entry));
  }

  public void remove(String agent) {
    send(agent, null);
  }

  private void send(String key, byte[] value) {
    try {
      RecordHeaders headers = new RecordHeaders();
      signatures.sign(
          WriterSignatures.CATALOG_DOMAIN, Catalogs.AGENTS.baseName(), key, value, headers);
      producer
          .send(new ProducerRecord<>(topic, null, key, value, headers))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing agent " + key + " to " + topic, e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException(
          "could not write agent " + key + " to " + topic + ": " + e, e);
    }
  }

  @Override
  public void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
