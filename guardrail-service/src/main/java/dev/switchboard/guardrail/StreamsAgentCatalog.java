package dev.switchboard.guardrail;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.catalog.AgentEntry;
import dev.switchboard.policy.AgentCatalog;
import dev.switchboard.policy.AgentFacts;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Agent facts from the {@code agents} catalog ({@link CatalogTopology#agents()}); an agent the
 * catalog does not list (or while it cannot be read) comes from the configured facts.
 */
final class StreamsAgentCatalog implements AgentCatalog {
  private static final Logger log = LoggerFactory.getLogger(StreamsAgentCatalog.class);

  private final CatalogStore store;
  private final EventCodec codec;
  private final AgentCatalog configured;

  StreamsAgentCatalog(CatalogStore store, EventCodec codec, AgentCatalog configured) {
    this.store = store;
    this.codec = codec;
    this.configured = configured;
  }

  @Override
  public Optional<AgentFacts> lookup(String agent) {
    byte[] entry = store.get(agent);
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
}
