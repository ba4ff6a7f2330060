package dev.switchboard.contracts;

import dev.switchboard.contracts.catalog.CatalogTopic;
import dev.switchboard.contracts.catalog.Catalogs;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which goal topics each service reads (its {@code GoalProcessor.inputs()}) and which compacted
 * catalogs it follows, beside the catalog's one writer per topic: from it follow the Kafka ACLs and
 * whose event-signing keys a service trusts. deploy-tests' {@code ServiceAccessTest} checks it
 * against every service's processor. Every service that keeps goal state reads {@code outcome}: a
 * goal's end is where its state starts its retention.
 */
public final class TopicReaders {
  private static final Map<Service, List<Topic<?>>> INPUTS =
      Map.of(
          Service.PLANNER,
          List.of(Topics.GOALS, Topics.VERDICT, Topics.ACTION_RESULT, Topics.RESOLUTION),
          Service.GUARDRAIL,
          List.of(
              Topics.PLAN, Topics.RESOLUTION, Topics.GOALS, Topics.ACTION_RESULT, Topics.OUTCOME),
          Service.EXECUTOR,
          List.of(Topics.ACTION_REQUEST, Topics.OUTCOME),
          Service.HANDOFF,
          List.of(Topics.ESCALATION, Topics.RESOLUTION, Topics.VERDICT, Topics.OUTCOME),
          Service.TRACE,
          Topics.ALL);

  private static final Map<Service, List<CatalogTopic<?>>> CATALOGS =
      Map.of(
          // ToolsCatalogView: the tools its agents may use, and the LLM planner's tool list.
          Service.PLANNER,
          List.of(Catalogs.TOOLS),
          // CatalogTopology: the agents' tools and handoff targets, the tools' facts.
          Service.GUARDRAIL,
          List.of(Catalogs.AGENTS, Catalogs.TOOLS),
          // It reads its own catalog back to retire tools that are gone.
          Service.EXECUTOR,
          List.of(Catalogs.TOOLS),
          // KnownAgents: a person may reassign an item only to an agent that exists.
          Service.HANDOFF,
          List.of(Catalogs.AGENTS));

  private TopicReaders() {}

  /** The goal topics the service consumes; none for the outside producers. */
  public static List<Topic<?>> inputsOf(Service service) {
    return INPUTS.getOrDefault(service, List.of());
  }

  /** The compacted catalogs the service follows. */
  public static List<CatalogTopic<?>> catalogsOf(Service service) {
    return CATALOGS.getOrDefault(service, List.of());
  }

  /**
   * The writers whose signatures the service checks: the one writer of each topic and catalog it
   * reads, but not the outside producers of {@code goals}, who do not sign — and itself when it
   * writes: it reads back what it signed (its effect results, the executor its own {@code tools}
   * catalog), and it refuses to start with a key its trusted keys do not hold.
   */
  public static Set<Service> trustedWritersOf(Service service) {
    Set<Service> writers = EnumSet.noneOf(Service.class);
    inputsOf(service).stream()
        .map(Topic::writer)
        .filter(writer -> writer != Service.GOAL_PRODUCERS)
        .forEach(writers::add);
    catalogsOf(service).stream().map(CatalogTopic::writer).forEach(writers::add);
    if (!Topics.writtenBy(service).isEmpty()) {
      writers.add(service);
    }
    return writers;
  }
}
