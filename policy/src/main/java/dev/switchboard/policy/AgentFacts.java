package dev.switchboard.policy;

import java.util.List;

/**
 * The public part of an agent's spec the guardrail checks against.
 *
 * @param known false for an agent no catalog lists
 * @param version the spec's content hash, or empty when unknown
 * @param tools the tools its spec lets it use
 * @param handoffTargets where its spec lets it hand work: {@code agent:<name>}, {@code
 *     human:<queue>}
 */
public record AgentFacts(
    String name, boolean known, String version, List<String> tools, List<String> handoffTargets) {

  public AgentFacts {
    name = name == null ? "" : name;
    version = version == null ? "" : version;
    tools = tools == null ? List.of() : List.copyOf(tools);
    handoffTargets = handoffTargets == null ? List.of() : List.copyOf(handoffTargets);
  }

  public static AgentFacts unknown(String name) {
    return new AgentFacts(name, false, "", List.of(), List.of());
  }
}
