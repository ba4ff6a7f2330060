package dev.switchboard.guardrail;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.policy.ToolCatalog;
import dev.switchboard.policy.ToolFacts;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * Tool facts from the executor's {@code tools} catalog ({@link CatalogTopology#tools()}): its
 * effective annotations, input schema, server and trust. A tool the catalog does not list (or while
 * it cannot be read) comes from the configured facts file; one neither lists is unknown.
 */
final class StreamsToolCatalog implements ToolCatalog {
  private static final Logger log = LoggerFactory.getLogger(StreamsToolCatalog.class);

  private final CatalogStore store;
  private final EventCodec codec;
  private final ToolCatalog configured;

  StreamsToolCatalog(CatalogStore store, EventCodec codec, ToolCatalog configured) {
    this.store = store;
    this.codec = codec;
    this.configured = configured;
  }

  @Override
  public Optional<ToolFacts> lookup(String tool) {
    byte[] entry = store.get(tool);
    if (entry == null) {
      return configured.lookup(tool);
    }
    try {
      return Optional.of(factsOf(codec.mapper().readValue(entry, ToolEntry.class)));
    } catch (JacksonException | IllegalArgumentException e) {
      log.warn("the tools catalog entry of '{}' cannot be read: {}", tool, e.getMessage());
      return configured.lookup(tool);
    }
  }

  /** The risk tier follows from the annotations: the catalog carries none of its own. */
  static ToolFacts factsOf(ToolEntry entry) {
    ToolEntry.Annotations hints = entry.annotations();
    return new ToolFacts(
        entry.name(),
        true,
        hints.readOnlyHint(),
        hints.destructiveHint(),
        hints.idempotentHint(),
        hints.openWorldHint(),
        null,
        entry.server(),
        entry.trusted(),
        entry.inputSchema());
  }
}
