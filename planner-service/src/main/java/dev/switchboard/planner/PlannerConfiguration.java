package dev.switchboard.planner;

import java.time.Clock;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the planner's plain classes; the kafka-edge runs the {@link GoalPlanner} bean. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlannerProperties.class)
class PlannerConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  AgentRegistry agentRegistry() {
    return AgentRegistry.builtIn();
  }

  @Bean
  GoalPlanner goalPlanner(AgentRegistry agents, PlannerProperties properties, Clock clock) {
    if (agents.find(properties.defaultAgent()).isEmpty()) {
      throw new IllegalStateException(
          "switchboard.planner.default-agent '"
              + properties.defaultAgent()
              + "' is not a known agent; known agents: "
              + String.join(", ", agents.names()));
    }
    return new GoalPlanner(agents, new DeterministicPlanner(), properties.defaultAgent(), clock);
  }
}
