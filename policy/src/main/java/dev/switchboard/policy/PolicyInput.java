package dev.switchboard.policy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Everything one decision sees: the proposed action, who proposed it, the tool, the goal, what the
 * goal has used so far, what entered its context, and the time.
 *
 * @param handoffTarget for a handoff: {@code agent:<name>} or {@code human:<queue>}; else empty
 */
public record PolicyInput(
    Kind kind,
    String actionId,
    AgentFacts agent,
    ToolFacts tool,
    JsonNode arguments,
    boolean sideEffect,
    String handoffTarget,
    Goal goal,
    Budget budget,
    Context context,
    Instant now) {

  /** What is proposed: a tool call or handing the goal over. */
  public enum Kind {
    TOOL,
    HANDOFF;

    /** As policies see it: {@code tool} or {@code handoff}. */
    public String label() {
      return this == TOOL ? "tool" : "handoff";
    }
  }

  public PolicyInput {
    actionId = actionId == null ? "" : actionId;
    arguments = arguments == null ? JsonNodeFactory.instance.objectNode() : arguments;
    handoffTarget = handoffTarget == null ? "" : handoffTarget;
    goal = goal == null ? Goal.unknown("") : goal;
    budget = budget == null ? Budget.NONE : budget;
    context = context == null ? Context.CLEAN : context;
  }

  /**
   * The goal's metadata, as its producer declared it.
   *
   * @param tenant empty when the goal named none
   * @param requestedBy empty when the goal named nobody
   */
  public record Goal(String id, String tenant, String requestedBy, Map<String, String> labels) {
    public Goal {
      id = id == null ? "" : id;
      tenant = tenant == null ? "" : tenant;
      requestedBy = requestedBy == null ? "" : requestedBy;
      labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    public static Goal unknown(String id) {
      return new Goal(id, "", "", Map.of());
    }
  }

  /**
   * What the goal has used so far, as the guardrail counts it.
   *
   * @param steps actions judged before this one
   * @param allowed actions that were let through (by policy or a person)
   * @param elapsed time since the goal was submitted
   */
  public record Budget(long steps, long allowed, Duration elapsed) {
    public static final Budget NONE = new Budget(0, 0, Duration.ZERO);

    public Budget {
      elapsed = elapsed == null ? Duration.ZERO : elapsed;
    }
  }

  /**
   * What entered the goal's context that the goal cannot vouch for.
   *
   * @param taint labels such as {@code untrusted}; empty for a clean context
   * @param sources the tools whose results brought them in
   */
  public record Context(Set<String> taint, Set<String> sources) {
    public static final Context CLEAN = new Context(Set.of(), Set.of());

    public Context {
      taint = taint == null ? Set.of() : Set.copyOf(taint);
      sources = sources == null ? Set.of() : Set.copyOf(sources);
    }

    public boolean untrusted() {
      return !taint.isEmpty();
    }
  }
}
