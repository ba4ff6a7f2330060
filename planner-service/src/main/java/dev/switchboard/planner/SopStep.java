package dev.switchboard.planner;

import java.util.Map;

/**
 * One step of an agent's standard operating procedure.
 *
 * @param arguments argument name to template, e.g. {@code "{{inputs.account | description}}"}; see
 *     {@link ArgumentTemplate}
 * @param sideEffect true when the tool changes the outside world (mail, records)
 * @param rationale why the agent takes this step, for the plan and the audit trail
 */
public record SopStep(
    String tool, Map<String, String> arguments, boolean sideEffect, String rationale) {
  public SopStep {
    if (tool == null || tool.isBlank()) {
      throw new IllegalArgumentException("tool is required");
    }
    arguments = arguments == null ? Map.of() : Map.copyOf(arguments);
  }
}
