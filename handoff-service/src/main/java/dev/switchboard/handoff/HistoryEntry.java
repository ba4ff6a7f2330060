package dev.switchboard.handoff;

import dev.switchboard.contracts.event.ResolutionAudit;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of an inbox item's history: the escalation arriving, each answer, each refusal.
 *
 * @param what e.g. {@code ApprovalRequested}, {@code Approved}, {@code ResolutionRefused}
 * @param actor who acted; the guardrail for a refusal
 * @param detail what was said: a comment, reason, answer, new owner, or why it was refused
 * @param eventId the event this line comes from
 * @param audit from where the answer came; null for events that are not answers
 */
public record HistoryEntry(
    Instant at, String what, String actor, String detail, UUID eventId, ResolutionAudit audit) {}
