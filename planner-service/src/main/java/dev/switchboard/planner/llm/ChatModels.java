package dev.switchboard.planner.llm;

import dev.switchboard.edge.InvalidConfigurationException;
import java.util.Locale;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/** The configured provider's Spring AI chat model, built here rather than by auto-configuration. */
public final class ChatModels {
  private ChatModels() {}

  public static ChatModel of(LlmProperties llm) {
    String provider = llm.provider().strip().toLowerCase(Locale.ROOT);
    return switch (provider) {
      case "openai" ->
          OpenAiChatModel.builder()
              .options(
                  OpenAiChatOptions.builder()
                      .baseUrl(required(llm.baseUrl(), "base-url", "https://api.openai.com/v1"))
                      .apiKey(required(llm.apiKey(), "api-key", null))
                      .model(required(llm.model(), "model", null))
                      .timeout(llm.timeout())
                      .maxRetries(llm.maxRetries())
                      .build())
              .build();
      case "anthropic" ->
          AnthropicChatModel.builder()
              .options(
                  AnthropicChatOptions.builder()
                      .baseUrl(required(llm.baseUrl(), "base-url", "https://api.anthropic.com"))
                      .apiKey(required(llm.apiKey(), "api-key", null))
                      .model(required(llm.model(), "model", null))
                      .timeout(llm.timeout())
                      .maxRetries(llm.maxRetries())
                      .build())
              .build();
      case "ollama" ->
          OllamaChatModel.builder()
              .ollamaApi(
                  OllamaApi.builder()
                      .baseUrl(required(llm.baseUrl(), "base-url", "http://localhost:11434"))
                      .build())
              .options(
                  OllamaChatOptions.builder().model(required(llm.model(), "model", null)).build())
              .build();
      default ->
          throw new InvalidConfigurationException(
              "switchboard.planner.llm.provider '"
                  + llm.provider()
                  + "' is not a provider; use openai (any OpenAI-compatible endpoint), anthropic or"
                  + " ollama");
    };
  }

  private static String required(String value, String property, String fallback) {
    if (value != null && !value.isBlank()) {
      return value;
    }
    if (fallback != null) {
      return fallback;
    }
    throw new InvalidConfigurationException(
        "switchboard.planner.llm." + property + " is required for the configured provider");
  }
}
