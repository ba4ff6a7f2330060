package dev.switchboard.handoff;

/** The escalation cannot take this answer: resolved already, or not an approval (409). */
public class EscalationConflictException extends RuntimeException {
  public EscalationConflictException(String message) {
    super(message);
  }
}
