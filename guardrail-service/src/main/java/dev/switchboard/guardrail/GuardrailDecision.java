package dev.switchboard.guardrail;

/** The guardrail's answer for one proposed action, with the policy line that gave it. */
public sealed interface GuardrailDecision {

  String policy();

  /** Run it now. */
  record Allow(String policy) implements GuardrailDecision {}

  /** Never run it. */
  record Deny(String policy, String reason) implements GuardrailDecision {}

  /** A person in {@code queue} decides. */
  record Escalate(String policy, String reason, String queue) implements GuardrailDecision {}
}
