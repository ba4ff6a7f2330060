package dev.switchboard.handoff;

import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionAudit;
import dev.switchboard.contracts.event.ResolutionEvent.Edited;
import dev.switchboard.websecurity.Caller;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An inbox item as the page shows it to one person: labels, times in words, the arguments as
 * readable JSON, and which answers this person may give (or why not).
 */
record ItemCard(
    String id,
    String goalId,
    String kindLabel,
    String kindClass,
    String title,
    String queue,
    String agent,
    String age,
    boolean fresh,
    String createdAt,
    String sla,
    String slaClass,
    String deadline,
    String status,
    String statusClass,
    boolean pending,
    String requestedBy,
    String policy,
    String reason,
    String approverRole,
    boolean fourEyes,
    String actionId,
    String tool,
    boolean sideEffect,
    String rationale,
    List<String> dependsOn,
    String argumentsJson,
    String approvedArgumentsJson,
    String target,
    String summary,
    String refusal,
    EscalationView.StoppedBy stoppedBy,
    String traceId,
    List<HistoryLine> history,
    String journalUrl,
    String traceUrl,
    Actions actions) {

  /** One line of the history, with where an answer came from. */
  record HistoryLine(
      String when, String at, String what, String actor, String detail, String from) {}

  /** Whether an answer is offered for this kind of item and, if so, why this person may not. */
  record Permission(boolean offered, String refusal) {
    public boolean allowed() {
      return offered && refusal == null;
    }
  }

  record Actions(
      Permission approve,
      Permission deny,
      Permission edit,
      Permission answer,
      Permission takeOver,
      Permission reassign) {}

  /** Items younger than this are marked as new in the list. */
  private static final Duration FRESH = Duration.ofSeconds(30);

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
  private static final JsonMapper PRETTY =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  static ItemCard of(
      InboxItem item, Caller caller, SlaClock sla, InboxAuthority authority, InboxLinks links) {
    Instant now = sla.now();
    PlannedAction action = item.action();
    return new ItemCard(
        item.escalationId(),
        item.goalId(),
        kindLabel(item.kind()),
        "kind-" + item.kind().name().toLowerCase(java.util.Locale.ROOT),
        titleOf(item),
        item.queue(),
        item.agent(),
        Durations.words(Duration.between(item.createdAt(), now)) + " ago",
        Duration.between(item.createdAt(), now).compareTo(FRESH) < 0,
        TIME.format(item.createdAt()),
        slaText(item, sla),
        slaClass(item, sla),
        TIME.format(item.deadline()),
        statusText(item),
        "status-"
            + (item.isPending() ? "pending" : item.resolution().toLowerCase(java.util.Locale.ROOT)),
        item.isPending(),
        item.requestedBy(),
        item.policy(),
        item.reason(),
        item.approverRole(),
        item.fourEyes(),
        action == null ? null : action.actionId(),
        action == null ? null : action.tool(),
        action != null && action.sideEffect(),
        action == null ? null : action.rationale(),
        action == null ? List.of() : action.dependsOn(),
        action == null ? null : pretty(action.arguments()),
        item.decision() instanceof Edited edited ? pretty(edited.arguments()) : null,
        item.target(),
        item.summary(),
        item.isPending() ? item.refusal() : null,
        EscalationView.StoppedBy.of(item.stoppedBy()),
        item.traceId(),
        item.history().reversed().stream()
            .map(
                line ->
                    new HistoryLine(
                        Durations.words(Duration.between(line.at(), now)) + " ago",
                        TIME.format(line.at()),
                        line.what(),
                        line.actor(),
                        line.detail(),
                        fromWhere(line.audit())))
            .toList(),
        links.journalOf(item.goalId()),
        links.traceOf(item.goalId(), item.traceId()),
        new Actions(
            permission(item, caller, authority, new Answer.Approve(null)),
            permission(item, caller, authority, new Answer.Deny("x")),
            permission(item, caller, authority, new Answer.Edit(null)),
            permission(item, caller, authority, new Answer.Reply("x")),
            permission(item, caller, authority, new Answer.TakeOver("x")),
            permission(item, caller, authority, new Answer.Reassign("human:x"))));
  }

  static String pretty(JsonNode json) {
    try {
      return PRETTY.writeValueAsString(json);
    } catch (JacksonException e) {
      return String.valueOf(json);
    }
  }

  private static Permission permission(
      InboxItem item, Caller caller, InboxAuthority authority, Answer answer) {
    if (!item.isPending() || !answer.fits().contains(item.kind())) {
      return new Permission(false, null);
    }
    Optional<String> refusal = authority.refusal(caller, item, answer);
    return new Permission(true, refusal.orElse(null));
  }

  private static String kindLabel(EscalationKind kind) {
    return switch (kind) {
      case ApprovalRequested -> "Approval";
      case QuestionAsked -> "Question";
      case HandoffRequested -> "Handoff";
    };
  }

  private static String titleOf(InboxItem item) {
    return switch (item.kind()) {
      case ApprovalRequested -> item.action().tool();
      case QuestionAsked -> item.reason();
      case HandoffRequested -> "Handoff to " + item.target();
    };
  }

  private static String statusText(InboxItem item) {
    if (item.isPending()) {
      return item.refusal() != null ? "Waiting again" : "Waiting";
    }
    return item.resolution() + " by " + item.resolvedBy();
  }

  private static String slaText(InboxItem item, SlaClock sla) {
    if (!item.isPending()) {
      return "—";
    }
    Duration left = sla.remaining(item);
    return left.isNegative() || left.isZero()
        ? "overdue " + Durations.words(left)
        : Durations.words(left) + " left";
  }

  private static String slaClass(InboxItem item, SlaClock sla) {
    if (!item.isPending()) {
      return "sla-none";
    }
    return sla.isOverdue(item) ? "sla-overdue" : sla.isDueSoon(item) ? "sla-soon" : "sla-ok";
  }

  private static String fromWhere(ResolutionAudit audit) {
    if (audit == null) {
      return null;
    }
    StringBuilder from = new StringBuilder(audit.authenticatedBy());
    if (audit.clientAddress() != null) {
      from.append(" from ").append(audit.clientAddress());
    }
    if (audit.traceId() != null) {
      from.append(", trace ").append(audit.traceId());
    }
    return from.toString();
  }
}
