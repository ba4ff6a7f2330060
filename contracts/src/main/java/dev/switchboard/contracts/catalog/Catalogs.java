package dev.switchboard.contracts.catalog;

import dev.switchboard.contracts.Service;
import java.util.List;

/**
 * The catalog topics, declared once beside {@link dev.switchboard.contracts.Topics}: what tools and
 * agents exist, each written by one service and read by the others.
 */
public final class Catalogs {
  private Catalogs() {}

  /** Each loaded agent spec's public part, written by the planner at start and on change. */
  public static final CatalogTopic<AgentEntry> AGENTS =
      new CatalogTopic<>("agents", AgentEntry.class, Service.PLANNER);

  public static final List<CatalogTopic<?>> ALL = List.of(AGENTS);

  /** The catalogs a service writes. */
  public static List<CatalogTopic<?>> writtenBy(Service service) {
    return ALL.stream().filter(topic -> topic.writer() == service).toList();
  }
}
