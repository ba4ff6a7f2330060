package dev.switchboard.contracts.catalog;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * The public part of one loaded agent spec, on the compacted {@code agents} topic (key = name):
 * what the guardrail needs to check an agent's tools and handoff targets, and the inbox to show who
 * may hold a goal. The planner writes a new entry whenever the spec's content changes.
 *
 * @param contentHash {@code sha256:<hex>} of the spec file's bytes; goals in flight name the
 *     version they run by it
 * @param planner {@code deterministic} or {@code llm}
 * @param tools the tools the agent may use
 * @param handoffs where the agent may hand a goal: {@code agent:<name>} or {@code human:<queue>}
 *     (its own escalation queue included)
 */
public record AgentEntry(
    String name,
    String contentHash,
    String description,
    String planner,
    List<String> tools,
    List<String> handoffs,
    Budgets budgets)
    implements CatalogEntry {

  public AgentEntry {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("name is required");
    }
    if (contentHash == null || contentHash.isBlank()) {
      throw new IllegalArgumentException("contentHash is required");
    }
    tools = tools == null ? List.of() : List.copyOf(tools);
    handoffs = handoffs == null ? List.of() : List.copyOf(handoffs);
  }

  /**
   * How far one agent may go on one goal before a person takes a look.
   *
   * @param maxSteps actions the agent may propose
   * @param maxWallTime how long the agent may hold the goal
   * @param maxTokens model tokens (input and output) the agent may use
   * @param maxCost model cost in US dollars
   * @param maxRepeats how often the same action with the same arguments may be proposed
   */
  public record Budgets(
      int maxSteps, Duration maxWallTime, long maxTokens, BigDecimal maxCost, int maxRepeats) {}
}
