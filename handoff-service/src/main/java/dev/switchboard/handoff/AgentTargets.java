package dev.switchboard.handoff;

import dev.switchboard.contracts.event.Owners;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Where a person may hand a goal: an {@code agent:<name>} only when the agents catalog lists it
 * (else the planner would hand the goal back to a person, naming the missing spec); people's queues
 * are not checked. Until the catalog is read once, agents are refused with a 503 to retry, not
 * accepted blindly.
 */
public final class AgentTargets {
  private final KnownAgents agents;

  public AgentTargets(KnownAgents agents) {
    this.agents = agents;
  }

  /**
   * Refuses a reassignment to an agent that does not exist.
   *
   * @param to the reassignment's target, already checked to be {@code human:<queue>} or {@code
   *     agent:<name>}
   * @throws InboxProblem.UnknownAgent when the catalog does not list the agent
   * @throws InboxProblem.AgentsNotLoaded when the catalog has not been read yet
   */
  public void check(String to) {
    String owner = to == null ? "" : to.strip();
    Optional<String> agent = Owners.agentOf(owner);
    if (agent.isEmpty()) {
      return;
    }
    if (!agents.loaded()) {
      throw new InboxProblem.AgentsNotLoaded(
          "the agents catalog is not loaded yet, so this inbox cannot tell whether '"
              + owner
              + "' exists; try again in a moment");
    }
    SortedSet<String> known = agents.names();
    if (!known.contains(agent.get())) {
      throw InboxProblem.UnknownAgent.of(owner, targets(known));
    }
  }

  /** The agents a person may hand a goal to now, as {@code agent:<name>}; empty until loaded. */
  public List<String> agentTargets() {
    return agents.loaded() ? targets(agents.names()) : List.of();
  }

  private static List<String> targets(SortedSet<String> names) {
    return names.stream().map(Owners::agent).toList();
  }
}
