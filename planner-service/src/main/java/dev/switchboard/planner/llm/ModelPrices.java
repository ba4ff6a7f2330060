package dev.switchboard.planner.llm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;

/**
 * What a model's tokens cost, from the configured price table (US dollars per million input and
 * output tokens). A model without a price costs nothing, and its tokens still count.
 */
public final class ModelPrices {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  /** Dollars per million tokens. */
  public record Price(BigDecimal input, BigDecimal output) {
    public Price {
      input = input == null ? BigDecimal.ZERO : input;
      output = output == null ? BigDecimal.ZERO : output;
    }
  }

  private final Map<String, Price> prices;

  public ModelPrices(Map<String, Price> prices) {
    this.prices = prices == null ? Map.of() : Map.copyOf(prices);
  }

  public BigDecimal costOf(ChatReply reply) {
    Price price = reply.model() == null ? null : prices.get(reply.model());
    if (price == null) {
      return BigDecimal.ZERO;
    }
    return price
        .input()
        .multiply(BigDecimal.valueOf(reply.inputTokens()))
        .add(price.output().multiply(BigDecimal.valueOf(reply.outputTokens())))
        .divide(MILLION, MathContext.DECIMAL64);
  }
}
