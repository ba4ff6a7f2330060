package dev.switchboard.contracts;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which goal topics each service reads (its {@code GoalProcessor.inputs()}), beside the catalog's
 * one writer per topic: from it follow the Kafka ACLs and whose event-signing keys a service
 * trusts. deploy-tests' {@code ServiceAccessTest} checks it against every service's processor.
 * Every service that keeps goal state reads {@code outcome}: a goal's end is where its state starts
 * its retention.
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

  private TopicReaders() {}

  /** The goal topics the service consumes; none for the outside producers. */
  public static List<Topic<?>> inputsOf(Service service) {
    return INPUTS.getOrDefault(service, List.of());
  }

  /**
   * The writers whose signatures the service checks: the one writer of each topic it reads, but not
   * the outside producers of {@code goals}, who do not sign — and itself when it writes: it reads
   * back what it signed (its effect results, the executor its own {@code tools} catalog), and it
   * refuses to start with a key its trusted keys do not hold.
   */
  public static Set<Service> trustedWritersOf(Service service) {
    Set<Service> writers = EnumSet.noneOf(Service.class);
    inputsOf(service).stream()
        .map(Topic::writer)
        .filter(writer -> writer != Service.GOAL_PRODUCERS)
        .forEach(writers::add);
    if (!Topics.writtenBy(service).isEmpty()) {
      writers.add(service);
    }
    return writers;
  }
}
