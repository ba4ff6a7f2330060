package dev.switchboard.handoff;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.WriterSignatures;
import dev.switchboard.contracts.catalog.AgentEntry;
import dev.switchboard.contracts.catalog.CatalogReader;
import dev.switchboard.contracts.catalog.Catalogs;
import java.time.Duration;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The planner's {@code agents} catalog followed while running ({@link CatalogReader}): only entries
 * the planner signed count, so nobody who can write to Kafka can make up an agent to hand goals to.
 */
final class AgentsCatalogView implements KnownAgents, AutoCloseable {
  private final CatalogReader<AgentEntry> reader;

  private AgentsCatalogView(CatalogReader<AgentEntry> reader) {
    this.reader = reader;
  }

  /**
   * @param kafkaConfig consumer settings (bootstrap servers, security)
   */
  static AgentsCatalogView start(
      Map<String, Object> kafkaConfig, TopicNames names, WriterSignatures signatures) {
    return new AgentsCatalogView(
        CatalogReader.start(kafkaConfig, names, Catalogs.AGENTS, signatures));
  }

  @Override
  public boolean loaded() {
    try {
      return reader.awaitCaughtUp(Duration.ZERO);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @Override
  public SortedSet<String> names() {
    return new TreeSet<>(reader.entries().keySet());
  }

  @Override
  public void close() {
    reader.close();
  }
}
