package dev.switchboard.contracts;

/** Who may write a topic. Each topic has exactly one writer. */
public enum Service {
  /** Any Kafka producer outside Switchboard, in any language (and the GoalClient). */
  GOAL_PRODUCERS,
  PLANNER,
  GUARDRAIL,
  EXECUTOR,
  HANDOFF
}
