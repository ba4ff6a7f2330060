package dev.switchboard.trace;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * Model tokens and their cost, as a planner reports them for a decision; summed per goal.
 *
 * @param cost in {@code currency}; null when no price is known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Usage(long inputTokens, long outputTokens, BigDecimal cost, String currency) {

  /** The sum; costs in different currencies do not add up, so the total then has none. */
  Usage plus(Usage other) {
    if (other == null) {
      return this;
    }
    boolean sameCurrency =
        currency == null ? other.currency == null : currency.equals(other.currency);
    BigDecimal total =
        cost == null || other.cost == null || !sameCurrency ? null : cost.add(other.cost);
    return new Usage(
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        total,
        total == null ? null : currency);
  }

  static Usage sum(Usage a, Usage b) {
    return a == null ? b : a.plus(b);
  }
}
