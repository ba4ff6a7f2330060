package dev.switchboard.planner;

/**
 * An agent that handed a goal down and waits for it back.
 *
 * @param runId its handoff step's run, done when the goal comes back
 */
public record Caller(String agent, String runId) {}
