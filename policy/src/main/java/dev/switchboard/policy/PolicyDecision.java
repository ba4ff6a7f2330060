package dev.switchboard.policy;

/** The answer for one proposed action, with the rule that gave it and the policy it is in. */
public sealed interface PolicyDecision {

  /** The rule that decided. */
  String rule();

  String reason();

  PolicyRef policy();

  /** Run it now. */
  record Allow(String rule, String reason, PolicyRef policy) implements PolicyDecision {}

  /** Never run it; the planner sees the reason and may correct itself. */
  record Deny(String rule, String reason, PolicyRef policy) implements PolicyDecision {}

  /** A person decides, as {@code route} says. */
  record Escalate(String rule, String reason, PolicyRef policy, EscalationRoute route)
      implements PolicyDecision {}

  /** The decision's kind as policy files and test cases write it. */
  default String kind() {
    return switch (this) {
      case Allow allow -> "allow";
      case Deny deny -> "deny";
      case Escalate escalate -> "escalate";
    };
  }
}
