package dev.switchboard.planner;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the planner ({@code switchboard.planner.*}).
 *
 * @param defaultAgent the agent for goals that name none
 */
@ConfigurationProperties("switchboard.planner")
public record PlannerProperties(String defaultAgent) {
  public PlannerProperties {
    defaultAgent = defaultAgent == null || defaultAgent.isBlank() ? "demo" : defaultAgent;
  }
}
