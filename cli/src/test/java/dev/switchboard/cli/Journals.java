package dev.switchboard.cli;

/** Journal and inbox bodies as the trace- and handoff-services serve them. */
final class Journals {
  private Journals() {}

  static String entry(String topic, String type, String eventId, String at, String summary) {
    return """
        {"topic":"%s","type":"%s","eventId":"%s","causationId":null,"occurredAt":"%s","summary":"%s"}"""
        .formatted(topic, type, eventId, at, summary);
  }

  /** An entry naming the agent it is about and where a handoff goes. */
  static String handoff(
      String type, String eventId, String at, String agent, String target, String summary) {
    return entry("escalation", type, eventId, at, summary)
        .replace("}", ",\"agent\":\"%s\",\"target\":\"%s\"}".formatted(agent, target));
  }

  static String journal(String goalId, String status, String... entries) {
    return """
        {"goalId":"%s","status":"%s","agent":"demo","description":"Tell ACME","events":[%s]}"""
        .formatted(goalId, status, String.join(",", entries));
  }

  static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

  /** The first event of a goal's live stream: its whole journal. */
  static String journalEvent(long version, String goalId, String status, String... entries) {
    String traced =
        journal(goalId, status, entries)
            .replace("\"description\"", "\"traceId\":\"" + TRACE_ID + "\",\"description\"");
    return "id:" + version + "\nevent:journal\ndata:" + traced + "\n\n";
  }

  /** A later event of the stream: the goal's head and its entries since the previous one. */
  static String updateEvent(long version, String status, String... entries) {
    return "id:%d\nevent:update\ndata:{\"goal\":{\"status\":\"%s\",\"agent\":\"demo\"},\"events\":[%s]}\n\n"
        .formatted(version, status, String.join(",", entries));
  }

  static final String KEEP_ALIVE = ":keep-alive\n\n";

  static final String SUBMITTED =
      entry("goals", "GoalSubmitted", "e1", "2026-01-02T10:00:00Z", "Tell ACME");
  static final String PROPOSED =
      entry("plan", "StepsProposed", "e2", "2026-01-02T10:00:01Z", "propose demo.lookup");
  static final String ESCALATED =
      entry(
          "escalation", "ApprovalRequested", "e3", "2026-01-02T10:00:02Z", "mail.send needs a yes");
  static final String COMPLETED =
      entry("outcome", "GoalCompleted", "e4", "2026-01-02T10:00:03Z", "told ACME");
  static final String FAILED =
      entry("outcome", "GoalFailed", "e5", "2026-01-02T10:00:03Z", "mail bounced");

  /** A page of {@code GET /api/escalations} with these items. */
  static String page(String... items) {
    return "{\"items\":[" + String.join(",", items) + "],\"totalItems\":" + items.length + "}";
  }

  static String approval(String escalationId, String goalId) {
    return """
        {"escalationId":"%s","goalId":"%s","type":"ApprovalRequested","queue":"human:approvers",
         "agent":"demo","action":{"actionId":"a2","tool":"mail.send",
         "arguments":{"to":"buyer@acme.example"},"sideEffect":true},
         "reason":"sends mail to a customer","policy":"side-effects-need-approval",
         "createdAt":"2026-01-02T10:00:02Z","deadline":"2026-01-02T14:00:02Z",
         "slaRemainingSeconds":11520,"requestedBy":"carol"}"""
        .formatted(escalationId, goalId);
  }
}
