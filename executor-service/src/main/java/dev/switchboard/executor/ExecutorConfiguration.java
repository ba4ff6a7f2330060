package dev.switchboard.executor;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.edge.SecurityProperties;
import dev.switchboard.executor.tool.ToolRegistry;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The executor's parts: signature check, runner, and the logic the Kafka edge drives (the tools are
 * wired in {@link dev.switchboard.executor.tool.ToolsConfiguration}).
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
  ActionRunner actionRunner(ToolRegistry tools, ExecutorProperties properties, Clock clock) {
    return new ActionRunner(tools, properties.toolTimeout(), clock);
  }

  @Bean
  Executor executor(ActionSigner signer, ActionRunner runner) {
    return new Executor(signer, runner);
  }
}
