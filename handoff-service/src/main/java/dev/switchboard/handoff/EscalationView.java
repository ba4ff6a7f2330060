package dev.switchboard.handoff;

import dev.switchboard.contracts.event.ExpiryRoute;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionAudit;
import dev.switchboard.contracts.event.VerdictEvent.Audit;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * An inbox item as the REST API shows it.
 *
 * @param type the escalation event type: ApprovalRequested, HandoffRequested or QuestionAsked
 * @param slaRemainingSeconds seconds left until the deadline; negative once overdue
 * @param resolution how it was resolved (Approved, Denied, ...), null while pending
 * @param refusal why the guardrail refused the last answer, while the item waits again
 * @param stoppedBy why the policy stopped the action: the guardrail's audit record of its verdict
 *     (policy, version, rule, reason); null for questions and handoffs
 * @param traceId the trace the escalation came with, if any
 * @param onExpiry what the guardrail's policy says happens when nobody answers in time ({@code
 *     moveTo} queues, empty: denied); null when it says nothing and {@code next-queues} decide
 */
public record EscalationView(
    String escalationId,
    String goalId,
    String type,
    String queue,
    String agent,
    ActionView action,
    String reason,
    String policy,
    Instant createdAt,
    Instant deadline,
    long slaRemainingSeconds,
    boolean overdue,
    String requestedBy,
    String approverRole,
    boolean fourEyes,
    String target,
    String summary,
    ItemStatus status,
    String resolution,
    String resolvedBy,
    Instant resolvedAt,
    String refusal,
    StoppedBy stoppedBy,
    String traceId,
    List<HistoryView> history,
    Links links,
    ExpiryRoute onExpiry) {

  /** The guardrail's reasons for stopping an action, from its verdict's audit record. */
  public record StoppedBy(String policyId, String policyVersion, String rule, String reason) {
    static StoppedBy of(Audit audit) {
      return audit == null
          ? null
          : new StoppedBy(audit.policyId(), audit.policyVersion(), audit.rule(), audit.reason());
    }
  }

  /** The tool call waiting for a yes or no. */
  public record ActionView(
      String actionId,
      String tool,
      JsonNode arguments,
      boolean sideEffect,
      String rationale,
      List<String> dependsOn) {
    static ActionView of(PlannedAction action) {
      return action == null
          ? null
          : new ActionView(
              action.actionId(),
              action.tool(),
              action.arguments(),
              action.sideEffect(),
              action.rationale(),
              action.dependsOn());
    }
  }

  /** One line of the item's history, with the audit record of an answer. */
  public record HistoryView(
      Instant at, String what, String actor, String detail, ResolutionAudit audit) {}

  /**
   * @param page the item's page in the inbox
   * @param journal the goal's journal in the trace console, when configured
   * @param trace the goal's trace in Jaeger, when configured
   */
  public record Links(String page, String journal, String trace) {}

  static EscalationView of(InboxItem item, SlaClock sla, InboxLinks links) {
    return new EscalationView(
        item.escalationId(),
        item.goalId(),
        item.kind().name(),
        item.queue(),
        item.agent(),
        ActionView.of(item.action()),
        item.reason(),
        item.policy(),
        item.createdAt(),
        item.deadline(),
        sla.remaining(item).toSeconds(),
        sla.isOverdue(item),
        item.requestedBy(),
        item.approverRole(),
        item.fourEyes(),
        item.target(),
        item.summary(),
        item.status(),
        item.resolution(),
        item.resolvedBy(),
        item.decision() == null ? null : item.decision().occurredAt(),
        item.refusal(),
        StoppedBy.of(item.stoppedBy()),
        item.traceId(),
        item.history().stream()
            .map(h -> new HistoryView(h.at(), h.what(), h.actor(), h.detail(), h.audit()))
            .toList(),
        new Links(
            InboxLinks.itemPage(item.escalationId()),
            links.journalOf(item.goalId()),
            links.traceOf(item.goalId(), item.traceId())),
        item.onExpiry());
  }
}
