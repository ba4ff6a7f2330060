package dev.switchboard.planner.spec;

import dev.switchboard.contracts.catalog.AgentEntry;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * How far one agent may go on one goal before the goal goes to a person, counted from when the
 * agent took the goal.
 *
 * @param maxSteps actions the agent may propose
 * @param maxWallTime how long the agent may hold the goal
 * @param maxTokens model tokens (input and output)
 * @param maxCost model cost in US dollars
 * @param maxRepeats how often the same action with the same arguments may be proposed; one more is
 *     a loop
 */
public record Budgets(
    int maxSteps, Duration maxWallTime, long maxTokens, BigDecimal maxCost, int maxRepeats) {

  public static final Budgets DEFAULTS =
      new Budgets(20, Duration.ofMinutes(30), 100_000, new BigDecimal("1.00"), 3);

  public AgentEntry.Budgets toEntry() {
    return new AgentEntry.Budgets(maxSteps, maxWallTime, maxTokens, maxCost, maxRepeats);
  }
}
