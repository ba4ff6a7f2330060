package dev.switchboard.executor;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.edge.SecurityProperties;
import dev.switchboard.executor.tool.DemoLookupTool;
import dev.switchboard.executor.tool.DemoSendTool;
import dev.switchboard.executor.tool.Tool;
import dev.switchboard.executor.tool.ToolRegistry;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The executor's parts: signature check, tools, the tool effect handler the edge's worker runs, and
 * the logic the Kafka edge drives.
 */
@Configuration(proxyBeanMethods = false)
class ExecutorConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ActionSigner actionSigner(SecurityProperties security, EventCodec codec) {
    return security.actionSigner(codec);
  }

  @Bean
  DemoLookupTool demoLookupTool(EventCodec codec) {
    return DemoLookupTool.withDemoAccounts(codec.mapper());
  }

  @Bean
  DemoSendTool demoSendTool(ExecutorProperties properties, EventCodec codec, Clock clock) {
    return new DemoSendTool(properties.outboxDir(), codec.mapper(), clock);
  }

  @Bean
  ToolRegistry toolRegistry(List<Tool> tools) {
    return new ToolRegistry(tools);
  }

  @Bean
  ToolEffectHandler toolEffectHandler(
      ToolRegistry tools, EventCodec codec, Clock clock, ExecutorProperties properties) {
    return new ToolEffectHandler(
        tools, new ActionResults(clock), codec.mapper(), clock, properties.delay());
  }

  @Bean
  Executor executor(
      ActionSigner signer,
      ToolRegistry tools,
      ExecutorProperties properties,
      EventCodec codec,
      Clock clock) {
    return new Executor(signer, tools, properties.toolTimeout(), codec.mapper(), clock);
  }
}
