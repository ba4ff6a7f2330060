package dev.switchboard.handoff;

/** The answer itself is incomplete, e.g. a denial without a reason (400). */
public class InvalidAnswerException extends RuntimeException {
  public InvalidAnswerException(String message) {
    super(message);
  }
}
