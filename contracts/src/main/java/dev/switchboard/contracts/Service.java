package dev.switchboard.contracts;

/** The parts of Switchboard, and the outside producers; each topic has exactly one writer. */
public enum Service {
  /** Any Kafka producer outside Switchboard, in any language (and the GoalClient). */
  GOAL_PRODUCERS,
  PLANNER,
  GUARDRAIL,
  EXECUTOR,
  HANDOFF,
  /** Reads every topic, writes none. */
  TRACE
}
