package dev.switchboard.planner.llm;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The LLM planner's model ({@code switchboard.planner.llm.*}); without a {@code provider} there is
 * no model and no LLM planner, and nothing of Spring AI is configured.
 *
 * @param provider {@code openai} (any OpenAI-compatible endpoint: OpenAI, vLLM, Ollama's /v1,
 *     gateways), {@code anthropic} or {@code ollama}
 * @param baseUrl the provider's endpoint; for {@code openai} including {@code /v1}
 * @param apiKey the provider's key; never logged
 * @param model the model of agents whose spec names none
 * @param timeout how long one model call may take
 * @param maxRetries retries of a failed call (429, 5xx) by the provider's client
 * @param prices US dollars per million input and output tokens, by model
 */
@ConfigurationProperties("switchboard.planner.llm")
public record LlmProperties(
    String provider,
    String baseUrl,
    String apiKey,
    String model,
    Duration timeout,
    Integer maxRetries,
    Map<String, ModelPrices.Price> prices) {

  public LlmProperties {
    timeout = timeout == null ? Duration.ofSeconds(60) : timeout;
    maxRetries = maxRetries == null ? 2 : maxRetries;
    prices = prices == null ? Map.of() : Map.copyOf(prices);
  }

  @Override
  public String toString() {
    return "LlmProperties[provider="
        + provider
        + ", baseUrl="
        + baseUrl
        + ", apiKey="
        + (apiKey == null ? "none" : "hidden")
        + ", model="
        + model
        + ", timeout="
        + timeout
        + ", maxRetries="
        + maxRetries
        + ", prices="
        + prices.keySet()
        + "]";
  }
}
