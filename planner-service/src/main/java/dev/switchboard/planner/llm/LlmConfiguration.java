package dev.switchboard.planner.llm;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.planner.KnownTools;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;
import tools.jackson.databind.JsonNode;

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
        ChatClient.builder(model).build(),
        llm.provider().strip().toLowerCase(Locale.ROOT),
        llm.model(),
        llm.timeout(),
        codec.mapper());
  }

  /** The LLM planner's model calls leave it as durable effects, run by the handler above. */
  @Bean
  ChatEffects chatEffects(LlmProperties llm) {
    return ChatEffects.of(llm);
  }

  /** The model sees each tool as the tools catalog lists it: description, input schema. */
  @Bean
  LlmPlanner llmPlanner(ObjectProvider<KnownTools> toolsProvider) {
    // Looked up at first use: the tools catalog's reader needs the edge's signatures, which need
    // the planner (the service it signs as) — a cycle if taken here.
    Supplier<KnownTools> tools = SingletonSupplier.of(toolsProvider::getObject);
    Function<String, JsonNode> schemas =
        tool -> tools.get().find(tool).map(ToolEntry::inputSchema).orElse(null);
    ChatReplyReader reader = new ChatReplyReader(schemas);
    return new LlmPlanner(
        new ChatTranscript(
            reader,
            schemas,
            tool -> tools.get().find(tool).map(ToolEntry::description).orElse(null)),
        reader,
        tool -> tools.get().find(tool).map(ToolEntry::sideEffect).orElse(false));
  }

  @Bean
  ModelPrices modelPrices(LlmProperties llm) {
    return new ModelPrices(llm.prices());
  }
}
