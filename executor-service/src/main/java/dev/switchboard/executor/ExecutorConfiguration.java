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

/** The executor's parts: signature check, tools, runner, and the logic the Kafka edge drives. */
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
  ActionRunner actionRunner(ToolRegistry tools, ExecutorProperties properties, Clock clock) {
    return new ActionRunner(tools, properties.toolTimeout(), clock);
  }

  @Bean
  Executor executor(ActionSigner signer, ActionRunner runner) {
    return new Executor(signer, runner);
  }
}
