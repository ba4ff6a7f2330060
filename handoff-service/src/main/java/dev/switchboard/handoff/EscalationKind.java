package dev.switchboard.handoff;

/** What a person is asked for; the constants are the escalation event type names. */
public enum EscalationKind {
  ApprovalRequested,
  HandoffRequested,
  QuestionAsked
}
