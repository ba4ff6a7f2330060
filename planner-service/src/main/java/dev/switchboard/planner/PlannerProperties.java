package dev.switchboard.planner;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the planner ({@code switchboard.planner.*}).
 *
 * @param defaultAgent the agent for goals that name none
 * @param agentsDir the directory of agent spec files; unset: {@code examples/sales/agents} when it
 *     exists (the planner runs in the repository), else the specs built into the jar
 * @param reloadInterval how often the directory is looked at for changed specs; 0 turns it off
 * @param escalationQueue where goals go when their agent is stuck, over budget or in a loop, for
 *     specs that name no {@code escalation-queue}
 * @param requireKnownTools fail a goal whose agent would call a tool the {@code tools} catalog,
 *     read to its end, does not list; off by default, as the executor lists MCP tools only once
 *     their servers answer, which may be after the first goals of a stack that starts at once
 */
@ConfigurationProperties("switchboard.planner")
public record PlannerProperties(
    String defaultAgent,
    Path agentsDir,
    Duration reloadInterval,
    String escalationQueue,
    boolean requireKnownTools) {

  public static final Path DEFAULT_AGENTS_DIR = Path.of("examples", "sales", "agents");

  public PlannerProperties {
    defaultAgent = defaultAgent == null || defaultAgent.isBlank() ? "demo" : defaultAgent;
    reloadInterval = reloadInterval == null ? Duration.ofSeconds(2) : reloadInterval;
    escalationQueue =
        escalationQueue == null || escalationQueue.isBlank() ? "human:operators" : escalationQueue;
  }
}
