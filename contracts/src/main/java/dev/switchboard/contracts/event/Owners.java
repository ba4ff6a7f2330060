package dev.switchboard.contracts.event;

import java.util.Optional;

/**
 * Who holds a goal or is handed it, as events name them: {@code agent:<name>} (an agent of the
 * planner) or {@code human:<queue>} (an inbox queue of people). A bare prefix names nobody.
 */
public final class Owners {
  public static final String AGENT = "agent:";
  public static final String HUMAN = "human:";

  private Owners() {}

  /** {@code agent:<name>}. */
  public static String agent(String name) {
    return AGENT + name;
  }

  /** {@code human:<queue>}. */
  public static String human(String queue) {
    return HUMAN + queue;
  }

  /** True for {@code agent:<name>} with a name. */
  public static boolean isAgent(String owner) {
    return named(owner, AGENT);
  }

  /** True for {@code human:<queue>} with a queue. */
  public static boolean isHuman(String owner) {
    return named(owner, HUMAN);
  }

  /** The agent's name of {@code agent:<name>}; empty for anything else. */
  public static Optional<String> agentOf(String owner) {
    return isAgent(owner) ? Optional.of(owner.substring(AGENT.length())) : Optional.empty();
  }

  /** The queue of {@code human:<queue>}; empty for anything else. */
  public static Optional<String> queueOf(String owner) {
    return isHuman(owner) ? Optional.of(owner.substring(HUMAN.length())) : Optional.empty();
  }

  private static boolean named(String owner, String prefix) {
    return owner != null && owner.startsWith(prefix) && owner.length() > prefix.length();
  }
}
