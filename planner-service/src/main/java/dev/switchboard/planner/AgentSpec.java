package dev.switchboard.planner;

import java.util.List;

/**
 * An agent as data: its name and the steps it takes in order. Step {@code n} (from 1) is known as
 * {@code step-n}: its actionId is {@code <goalId>/step-n} and later templates refer to its output
 * as {@code step-n.<field>}.
 */
public record AgentSpec(String name, String description, List<SopStep> sop) {
  public AgentSpec {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("agent name is required");
    }
    sop = sop == null ? List.of() : List.copyOf(sop);
    if (sop.isEmpty()) {
      throw new IllegalArgumentException("agent '" + name + "' has no steps");
    }
  }

  static String stepName(int index) {
    return "step-" + (index + 1);
  }

  static String actionId(String goalId, int index) {
    return goalId + "/" + stepName(index);
  }
}
