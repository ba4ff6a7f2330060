package dev.switchboard.executor;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.edge.ActionKeySettings;
import dev.switchboard.executor.tool.ToolRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The executor's parts: signature check, the tool effect handler the edge's worker runs, and the
 * logic the Kafka edge drives (the tools are wired in {@link
 * dev.switchboard.executor.tool.ToolsConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
class ExecutorConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ActionSigner actionSigner(ActionKeySettings security, EventCodec codec) {
    return security.actionSigner(codec);
  }

  @Bean
  ToolEffectHandler toolEffectHandler(
      ToolRegistry tools, EventCodec codec, Clock clock, ExecutorProperties properties) {
    return new ToolEffectHandler(
        tools, new ActionResults(clock), codec.mapper(), clock, properties.delay());
  }

  @Bean
  ActionRunner actionRunner(
      ActionSigner signer,
      ToolRegistry tools,
      ExecutorProperties properties,
      EventCodec codec,
      Clock clock) {
    return new ActionRunner(signer, tools, properties.toolTimeout(), codec.mapper(), clock);
  }
}
