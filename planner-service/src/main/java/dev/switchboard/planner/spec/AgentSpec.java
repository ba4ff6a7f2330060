package dev.switchboard.planner.spec;

import dev.switchboard.contracts.catalog.AgentEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An agent as data, read from a YAML file: who it is, what it may use, where it may hand a goal,
 * how far it may go, and the steps it takes.
 *
 * @param instructions what the agent is for, in prose; the LLM planner's system prompt
 * @param handoffs where it may hand a goal: {@code agent:<name>} or {@code human:<queue>}
 * @param escalationQueue where a goal goes when the agent is stuck, over budget or in a loop
 * @param receives facts the agent expects in the context of a goal handed to it
 * @param sop the steps; may be empty for an {@code llm} agent
 */
public record AgentSpec(
    String name,
    String description,
    String instructions,
    PlannerKind planner,
    ModelSettings model,
    List<String> tools,
    List<String> handoffs,
    String escalationQueue,
    List<String> receives,
    Budgets budgets,
    List<SopStep> sop) {

  public AgentSpec {
    tools = List.copyOf(tools);
    handoffs = List.copyOf(handoffs);
    receives = List.copyOf(receives);
    sop = List.copyOf(sop);
  }

  public Optional<SopStep> step(String id) {
    return sop.stream().filter(step -> step.id().equals(id)).findFirst();
  }

  /** The steps that yield a fact. */
  public List<SopStep> producersOf(String fact) {
    return sop.stream().filter(step -> step.produces().containsKey(fact)).toList();
  }

  /** Every place the agent may hand a goal, its escalation queue included. */
  public List<String> handoffTargets() {
    List<String> targets = new ArrayList<>(handoffs);
    if (!targets.contains(escalationQueue)) {
      targets.add(escalationQueue);
    }
    return List.copyOf(targets);
  }

  /** The public part, for the {@code agents} catalog. */
  public AgentEntry toEntry(String contentHash) {
    return new AgentEntry(
        name,
        contentHash,
        description,
        planner.wireName(),
        tools,
        handoffTargets(),
        budgets.toEntry());
  }
}
