package dev.switchboard.policy;

import java.util.Optional;

/**
 * Where agent facts come from: configuration today, the {@code agents} catalog topic once it is
 * wired.
 */
@FunctionalInterface
public interface AgentCatalog {

  Optional<AgentFacts> lookup(String agent);

  /** The agent's facts, or {@link AgentFacts#unknown} when it is not listed. */
  default AgentFacts factsOf(String agent) {
    return lookup(agent).orElseGet(() -> AgentFacts.unknown(agent));
  }
}
