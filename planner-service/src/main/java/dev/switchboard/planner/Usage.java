package dev.switchboard.planner;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one agent used of its budgets on one goal, since it (last) took the goal.
 *
 * @param steps actions proposed
 * @param tokens model tokens, input and output
 * @param cost model cost in US dollars
 */
public record Usage(int steps, long tokens, BigDecimal cost, Instant since) {

  public Usage {
    cost = cost == null ? BigDecimal.ZERO : cost;
  }

  static Usage startingAt(Instant since) {
    return new Usage(0, 0, BigDecimal.ZERO, since);
  }

  Usage plusSteps(int more) {
    return new Usage(steps + more, tokens, cost, since);
  }

  Usage plusModel(long moreTokens, BigDecimal moreCost) {
    return new Usage(steps, tokens + moreTokens, cost.add(moreCost), since);
  }
}
