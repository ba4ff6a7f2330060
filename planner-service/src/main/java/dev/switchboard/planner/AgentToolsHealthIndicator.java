package dev.switchboard.planner;

import dev.switchboard.planner.spec.AgentLibrary;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports the tools the loaded agents name that the {@code tools} catalog does not list: logged
 * when that changes (first once the catalog was read), and as a health detail. It never makes the
 * planner unready: such a tool fails only the goals that use it.
 */
public final class AgentToolsHealthIndicator extends AbstractHealthIndicator {
  private static final Logger log = LoggerFactory.getLogger(AgentToolsHealthIndicator.class);

  private final AgentLibrary agents;
  private final KnownTools tools;
  private Map<String, List<String>> reported = Map.of();

  public AgentToolsHealthIndicator(AgentLibrary agents, KnownTools tools) {
    this.agents = agents;
    this.tools = tools;
  }

  /** The unknown tools by agent, logged when they changed since the last report. */
  public synchronized Map<String, List<String>> report() {
    Map<String, List<String>> unknown = ToolCheck.unknownTools(agents.all(), tools);
    if (!unknown.equals(reported)) {
      if (unknown.isEmpty()) {
        log.info("every tool the agents name is on the tools catalog");
      } else {
        unknown.forEach(
            (agent, missing) ->
                log.warn(
                    "agent '{}' names tools the tools catalog does not list: {}; goals that use"
                        + " them will fail",
                    agent,
                    String.join(", ", missing)));
      }
      reported = unknown;
    }
    return unknown;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    builder
        .up()
        .withDetail("toolsCatalog", tools.caughtUp() ? "read" : "reading")
        .withDetail("toolsCatalogRefusedEntries", tools.refusedEntries())
        .withDetail("unknownTools", report());
  }
}
