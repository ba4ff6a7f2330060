package dev.switchboard.planner.llm;

import dev.switchboard.contracts.EventCodec;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The LLM planner and its model, only when {@code switchboard.planner.llm.provider} is set: the
 * deterministic planner needs no provider, no model, no network.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "switchboard.planner.llm", name = "provider")
@EnableConfigurationProperties(LlmProperties.class)
public class LlmConfiguration {

  @Bean
  ChatModel switchboardChatModel(LlmProperties llm) {
    return ChatModels.of(llm);
  }

  @Bean
  ChatEffectHandler chatEffectHandler(ChatModel model, LlmProperties llm, EventCodec codec) {
    return new ChatEffectHandler(
        ChatClient.builder(model).build(), llm.model(), llm.timeout(), codec.mapper());
  }

  /** The LLM planner's model calls leave it as durable effects, run by the handler above. */
  @Bean
  ChatEffects chatEffects(LlmProperties llm) {
    return ChatEffects.of(llm);
  }

  /** Tool schemas and side effects come from the tools catalog once the planner reads it. */
  @Bean
  LlmPlanner llmPlanner() {
    ChatReplyReader reader = new ChatReplyReader(tool -> null);
    return new LlmPlanner(new ChatTranscript(reader, tool -> null), reader, tool -> false);
  }

  @Bean
  ModelPrices modelPrices(LlmProperties llm) {
    return new ModelPrices(llm.prices());
  }
}
