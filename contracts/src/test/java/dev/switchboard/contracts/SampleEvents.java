package dev.switchboard.contracts;

import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.ActionResultEvent.ActionOutcomeUnknown;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.EscalationEvent.QuestionAsked;
import dev.switchboard.contracts.event.EscalationEvent.ResolutionRefused;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.HandoffContext;
import dev.switchboard.contracts.event.ModelUsage;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalFailed;
import dev.switchboard.contracts.event.PlanEvent.GoalFinishing;
import dev.switchboard.contracts.event.PlanEvent.HandoffProposed;
import dev.switchboard.contracts.event.PlanEvent.QuestionProposed;
import dev.switchboard.contracts.event.PlanEvent.StepsProposed;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.contracts.event.ResolutionAudit;
import dev.switchboard.contracts.event.ResolutionEvent.Answered;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.contracts.event.ResolutionEvent.DeadlineNear;
import dev.switchboard.contracts.event.ResolutionEvent.Denied;
import dev.switchboard.contracts.event.ResolutionEvent.Edited;
import dev.switchboard.contracts.event.ResolutionEvent.Expired;
import dev.switchboard.contracts.event.ResolutionEvent.Reassigned;
import dev.switchboard.contracts.event.ResolutionEvent.TakenOver;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import dev.switchboard.contracts.event.VerdictEvent.ActionDenied;
import dev.switchboard.contracts.event.VerdictEvent.ActionEscalated;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** At least one instance of every event type of every topic, with optional fields set and not. */
final class SampleEvents {
  private SampleEvents() {}

  static final String GOAL_ID = "goal-42";
  static final Instant AT = Instant.parse("2025-03-04T05:06:07.123456789Z");
  static final Instant AT_WHOLE_SECOND = Instant.parse("2025-03-04T05:06:08Z");
  static final JsonMapper JSON = JsonMapper.builder().build();

  private static int next;

  /** Fixed, distinct UUIDs, so the samples are the same in every run. */
  private static UUID id() {
    return UUID.nameUUIDFromBytes(("sample-" + next++).getBytes(StandardCharsets.UTF_8));
  }

  static JsonNode json(String json) {
    return JSON.readTree(json);
  }

  static PlannedAction sendMail() {
    return new PlannedAction(
        "act-2",
        "mail.send",
        json(
            """
            {"to": ["ada@example.com"], "subject": "Hello", "body": {"lines": ["a", "b"], "n": 3}}"""),
        List.of("act-1"),
        true,
        "the lead asked for a follow-up");
  }

  static HandoffContext handoffContext() {
    return new HandoffContext(
        "Follow up with Ada",
        Map.of("inputs.lead", json("\"ada@example.com\""), "account_id", json("\"A-1\"")),
        List.of("sdr: crm.lookup_account succeeded", "sdr: hands off to researcher"),
        Map.of("act-1", json("{\"id\": \"A-1\", \"name\": \"Ada Inc\"}")),
        "the lead asked for pricing");
  }

  static PlannedAction lookUp() {
    return new PlannedAction("act-1", "crm.lookup", null, null, false, null);
  }

  static VerdictEvent.Audit audit(String approvedBy) {
    return new VerdictEvent.Audit(
        "switchboard-default",
        "1+0123456789ab",
        "read-only-tools",
        "reads only",
        "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
        approvedBy,
        null,
        "mail.send",
        "sdr",
        "acme");
  }

  private static final List<SwitchboardEvent> ALL = build();

  /** The same instances on every call. */
  static List<SwitchboardEvent> all() {
    return ALL;
  }

  private static List<SwitchboardEvent> build() {
    UUID cause = id();
    return List.of(
        // goals
        new GoalSubmitted(
            GOAL_ID,
            id(),
            null,
            AT,
            "sdr",
            "Follow up with Ada",
            Map.of("lead", "ada@example.com")),
        new GoalSubmitted(GOAL_ID, id(), cause, AT_WHOLE_SECOND, null, "Anything", null),
        new GoalSubmitted(
            GOAL_ID,
            id(),
            null,
            AT,
            "sdr",
            "Follow up with Ada",
            Map.of(),
            "alice",
            "acme",
            Map.of("region", "eu")),
        new GoalEvent.GoalCancelled(GOAL_ID, id(), null, AT, "changed my mind", "ada"),
        new GoalEvent.GoalCancelled(GOAL_ID, id(), null, AT, null, null),
        // plan
        new StepsProposed(GOAL_ID, id(), cause, AT, "sdr", List.of(lookUp(), sendMail())),
        new StepsProposed(GOAL_ID, id(), cause, AT, "sdr", List.of(lookUp()), usage()),
        new HandoffProposed(
            GOAL_ID, id(), cause, AT, "sdr", "agent:closer", "ready to close", "lead is warm"),
        new HandoffProposed(
            GOAL_ID,
            id(),
            cause,
            AT,
            "sdr",
            "agent:researcher",
            "find the contact",
            "account qualified",
            handoffContext()),
        new QuestionProposed(GOAL_ID, id(), cause, AT, "sdr", "human:sales", "Which region?"),
        new GoalFinishing(GOAL_ID, id(), cause, AT, null),
        // verdict
        new ActionAllowed(GOAL_ID, id(), cause, AT, "act-1", "read-only tools"),
        new ActionDenied(GOAL_ID, id(), cause, AT, "act-2", "no-mail", "mail is off"),
        new ActionEscalated(
            GOAL_ID, id(), cause, AT, "act-2", "mail-needs-approval", "esc-1", "sends mail"),
        new ActionAllowed(GOAL_ID, id(), cause, AT, "act-1", "read-only-tools", audit(null)),
        new ActionDenied(
            GOAL_ID, id(), cause, AT, "act-2", "unknown-tool", "not in the catalog", audit(null)),
        new ActionEscalated(
            GOAL_ID,
            id(),
            cause,
            AT,
            "act-2",
            "outbound-communication",
            "esc-1",
            "sends mail",
            audit(null)),
        new ActionAllowed(GOAL_ID, id(), cause, AT, "act-2", "approved-by-human", audit("bob")),
        // action-request
        new ActionRequested(
            GOAL_ID,
            id(),
            cause,
            AT,
            sendMail(),
            "bob",
            AT_WHOLE_SECOND.plusSeconds(600),
            "0a1b2c3d",
            "c2lnbmF0dXJl"),
        new ActionRequested(GOAL_ID, id(), cause, AT, lookUp(), null, AT, null, null),
        // action-result
        new ActionSucceeded(
            GOAL_ID, id(), cause, AT, "act-1", "crm.lookup", json("{\"name\": \"Ada\"}")),
        new ActionSucceeded(GOAL_ID, id(), cause, AT, "act-1", "crm.lookup", null),
        new ActionSucceeded(GOAL_ID, id(), cause, AT, "act-1", "crm.lookup", json("[1, 2.5]")),
        new ActionFailed(GOAL_ID, id(), cause, AT, "act-1", "crm.lookup", "404 not found"),
        new ActionOutcomeUnknown(GOAL_ID, id(), cause, AT, "act-2", "mail.send", "restarted"),
        // escalation
        new ApprovalRequested(
            GOAL_ID,
            id(),
            cause,
            AT,
            "esc-1",
            "human:approvers",
            "sdr",
            sendMail(),
            "mail-needs-approval",
            "sends mail"),
        new ApprovalRequested(
            GOAL_ID, id(), cause, AT, "esc-1", "human:approvers", null, lookUp(), null, null),
        new ApprovalRequested(
            GOAL_ID,
            id(),
            cause,
            AT,
            "esc-1",
            "human:approvers",
            "sdr",
            sendMail(),
            "outbound-communication",
            "sends mail",
            "sales-approver",
            true,
            Duration.ofHours(4)),
        new ApprovalRequested(
            GOAL_ID,
            id(),
            cause,
            AT,
            "goal-42~approval-5f0c6f2e-8d8e-3c59-9a41-0c3f0e5a3b21",
            "human:approvers",
            "sdr",
            sendMail(),
            "outbound-communication",
            "sends mail",
            null,
            true,
            Duration.ofMinutes(90),
            "carol"),
        new HandoffRequested(
            GOAL_ID,
            id(),
            cause,
            AT,
            "esc-2",
            "agent:closer",
            "sdr",
            "agent:closer",
            "ready to close",
            "lead is warm"),
        new HandoffRequested(
            GOAL_ID, id(), cause, AT, "esc-2", "human:sales", null, "human:sales", null, null),
        new HandoffRequested(
            GOAL_ID,
            id(),
            cause,
            AT,
            "esc-4",
            "agent:researcher",
            "sdr",
            "agent:researcher",
            "find the contact",
            "account qualified",
            handoffContext()),
        new HandoffRequested(
            GOAL_ID,
            id(),
            cause,
            AT,
            "esc-5",
            "human:sales",
            "researcher",
            "human:sales",
            "no contact found",
            null,
            new HandoffContext(null, null, null, null, null)),
        new QuestionAsked(GOAL_ID, id(), cause, AT, "esc-3", "human:sales", "sdr", "Region?"),
        new ResolutionRefused(
            GOAL_ID,
            id(),
            cause,
            AT,
            "esc-1",
            "human:approvers",
            "carol",
            "Approved",
            "four-eyes: carol asked for this goal"),
        // resolution
        new Approved(GOAL_ID, id(), cause, AT, "esc-1", "bob", "fine"),
        new Approved(GOAL_ID, id(), cause, AT, "esc-1", "bob", null),
        new Approved(
            GOAL_ID,
            id(),
            cause,
            AT,
            "esc-1",
            "bob",
            "fine",
            new ResolutionAudit(
                "password",
                List.of("approvers"),
                "10.0.0.7",
                "Mozilla/5.0",
                "4bf92f3577b34da6a3ce929d0e0e4736")),
        new Denied(
            GOAL_ID,
            id(),
            cause,
            AT,
            "esc-1",
            "ticket-bot",
            "no",
            new ResolutionAudit("service-token", List.of(), null, null, null)),
        new Denied(GOAL_ID, id(), cause, AT, "esc-1", "bob", "not this week"),
        new Edited(GOAL_ID, id(), cause, AT, "esc-1", "bob", json("{\"subject\": \"Hi\"}")),
        new Answered(GOAL_ID, id(), cause, AT, "esc-3", "bob", "EMEA"),
        new TakenOver(GOAL_ID, id(), cause, AT, "esc-2", "bob", "called her myself"),
        new Reassigned(GOAL_ID, id(), cause, AT, "esc-2", "bob", "agent:closer"),
        new Expired(GOAL_ID, id(), cause, AT, "esc-1", "system:sla", null),
        new DeadlineNear(
            GOAL_ID, id(), cause, AT, "esc-1", "system:sla", "human:approvers", AT, null),
        // outcome
        new GoalCompleted(
            GOAL_ID, id(), cause, AT, "Mail sent", json("{\"act-2\": {\"messageId\": \"m-1\"}}")),
        new GoalCompleted(GOAL_ID, id(), cause, AT, "Nothing to do", null),
        new GoalFailed(GOAL_ID, id(), cause, AT, "Could not reach the CRM", "crm down"),
        new GoalCompleted(GOAL_ID, id(), cause, AT, "Summarised", null, usage()),
        new GoalFailed(GOAL_ID, id(), cause, AT, "The model gave up", "no usable reply", usage()),
        new OutcomeEvent.GoalCancelled(GOAL_ID, id(), cause, AT, "Cancelled by ada", null));
  }

  /** Two model calls behind one event. */
  static ModelUsage usage() {
    return new ModelUsage(2, 1200, 80, new BigDecimal("0.0038"), ModelUsage.USD);
  }

  /** The samples of one topic. */
  static <E extends SwitchboardEvent> List<E> of(Topic<E> topic) {
    return all().stream()
        .filter(topic.valueType()::isInstance)
        .map(topic.valueType()::cast)
        .toList();
  }

  /** For parameterized tests: each sample named by its type. */
  static Stream<Named<SwitchboardEvent>> named(List<? extends SwitchboardEvent> events) {
    return events.stream().map(event -> Named.of(EventCodec.typeName(event), event));
  }
}
