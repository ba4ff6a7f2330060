package dev.switchboard.handoff;

/** No escalation with this id is in the inbox (answered with 404). */
public class EscalationNotFoundException extends RuntimeException {
  public EscalationNotFoundException(String escalationId) {
    super("no escalation '" + escalationId + "' in the inbox");
  }
}
