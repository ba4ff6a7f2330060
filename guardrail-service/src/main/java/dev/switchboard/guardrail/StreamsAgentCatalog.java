package dev.switchboard.guardrail;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.catalog.AgentEntry;
import dev.switchboard.policy.AgentCatalog;
import dev.switchboard.policy.AgentFacts;
import java.util.Optional;
import java.util.function.Supplier;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Agent facts from the {@code agents} catalog ({@link AgentCatalogTopology}); an agent the catalog
 * does not list (or while it cannot be read) comes from the configured facts.
 */
final class StreamsAgentCatalog implements AgentCatalog {
  private static final Logger log = LoggerFactory.getLogger(StreamsAgentCatalog.class);

  private final Supplier<KafkaStreams> streams;
  private final EventCodec codec;
  private final AgentCatalog configured;
  private volatile ReadOnlyKeyValueStore<String, byte[]> store;

  StreamsAgentCatalog(Supplier<KafkaStreams> streams, EventCodec codec, AgentCatalog configured) {
    this.streams = streams;
    this.codec = codec;
    this.configured = configured;
  }

  @Override
  public Optional<AgentFacts> lookup(String agent) {
    byte[] entry = read(agent);
    if (entry == null) {
      return configured.lookup(agent);
    }
    try {
      AgentEntry published = codec.mapper().readValue(entry, AgentEntry.class);
      return Optional.of(
          new AgentFacts(
              published.name(),
              true,
              published.contentHash(),
              published.tools(),
              published.handoffs()));
    } catch (JacksonException | IllegalArgumentException e) {
      log.warn("the agents catalog entry of '{}' cannot be read: {}", agent, e.getMessage());
      return configured.lookup(agent);
    }
  }

  private byte[] read(String agent) {
    if (agent == null || agent.isEmpty()) {
      return null;
    }
    try {
      ReadOnlyKeyValueStore<String, byte[]> entries = store();
      return entries == null ? null : entries.get(agent);
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
                AgentCatalogTopology.STORE, QueryableStoreTypes.<String, byte[]>keyValueStore()));
    store = entries;
    return entries;
  }
}
