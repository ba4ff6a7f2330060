package dev.switchboard.contracts.event;

import java.math.BigDecimal;

/**
 * What the model calls behind a planner event used: the tokens the provider counted and their cost
 * from the planner's price table. Each model call is reported on exactly one event, so the usages
 * of a goal's events add up to the goal's.
 *
 * @param calls the model calls this covers
 * @param cost in {@code currency}; zero for a model without a price
 * @param currency ISO 4217 code of the price table, {@code USD}
 */
public record ModelUsage(
    int calls, long inputTokens, long outputTokens, BigDecimal cost, String currency) {
  public static final String USD = "USD";

  public ModelUsage {
    if (calls < 0 || inputTokens < 0 || outputTokens < 0) {
      throw new IllegalArgumentException("calls and tokens must not be negative");
    }
    cost = cost == null ? BigDecimal.ZERO : cost;
    if (cost.signum() < 0) {
      throw new IllegalArgumentException("cost must not be negative");
    }
    currency = Require.text(currency, "currency");
  }

  /** One call's usage in US dollars. */
  public static ModelUsage ofCall(long inputTokens, long outputTokens, BigDecimal costUsd) {
    return new ModelUsage(1, inputTokens, outputTokens, costUsd, USD);
  }

  public long totalTokens() {
    return inputTokens + outputTokens;
  }

  /** Both together; usages in different currencies do not add up. */
  public ModelUsage plus(ModelUsage other) {
    if (other == null) {
      return this;
    }
    if (!currency.equals(other.currency)) {
      throw new IllegalArgumentException(
          "cannot add a usage in " + other.currency + " to one in " + currency);
    }
    return new ModelUsage(
        calls + other.calls,
        inputTokens + other.inputTokens,
        outputTokens + other.outputTokens,
        cost.add(other.cost),
        currency);
  }

  /** An event that can carry the model usage behind it. */
  public interface Carrier {
    /** Null when no model call is behind the event. */
    ModelUsage usage();

    /** The same event carrying this usage. */
    SwitchboardEvent withUsage(ModelUsage usage);
  }
}
