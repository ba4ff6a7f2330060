package dev.switchboard.planner;

import java.time.Instant;

/**
 * One agent's time with a goal, from when it took the goal: the start and the trace context of its
 * {@code invoke_agent} span, which is recorded when the goal ends or another agent takes it (a span
 * cannot stay open across restarts).
 *
 * @param traceparent the W3C context of the decision in which the agent took the goal; null when
 *     that decision had none (a timer's or a result's)
 */
public record AgentStint(String agent, Instant since, String traceparent) {}
