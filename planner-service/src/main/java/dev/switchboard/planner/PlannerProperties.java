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
 * @param requireKnownTools (default true) a goal whose agent would call a tool the {@code tools}
 *     catalog does not list waits for it for {@code unknownToolGrace}, then fails naming the agent
 *     and the tool; false proposes such calls anyway (the guardrail denies unlisted tools)
 * @param unknownToolGrace how long such a goal waits (default 30 s): the executor lists an MCP
 *     server's tools only once the server answers, which in a stack started at once may be after
 *     the first goals
 * @param unknownToolRecheck how often a waiting goal looks at the catalog again (default 1 s)
 */
@ConfigurationProperties("switchboard.planner")
public record PlannerProperties(
    String defaultAgent,
    Path agentsDir,
    Duration reloadInterval,
    String escalationQueue,
    Boolean requireKnownTools,
    Duration unknownToolGrace,
    Duration unknownToolRecheck) {

  public static final Path DEFAULT_AGENTS_DIR = Path.of("examples", "sales", "agents");

  public PlannerProperties {
    defaultAgent = defaultAgent == null || defaultAgent.isBlank() ? "demo" : defaultAgent;
    reloadInterval = reloadInterval == null ? Duration.ofSeconds(2) : reloadInterval;
    escalationQueue =
        escalationQueue == null || escalationQueue.isBlank() ? "human:operators" : escalationQueue;
    requireKnownTools = requireKnownTools == null || requireKnownTools;
    unknownToolGrace = unknownToolGrace == null ? Duration.ofSeconds(30) : unknownToolGrace;
    unknownToolRecheck = unknownToolRecheck == null ? Duration.ofSeconds(1) : unknownToolRecheck;
  }
}
