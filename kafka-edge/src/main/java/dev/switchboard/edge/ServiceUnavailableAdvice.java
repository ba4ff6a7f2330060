package dev.switchboard.edge;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * State that is briefly unreadable, or a broker that did not take a write, is a 503 to retry; an
 * event too large to write is the caller's 413. The broker's own error stays in the log: it names
 * internals the caller has no use for.
 */
@RestControllerAdvice
class ServiceUnavailableAdvice {
  private static final Logger log = LoggerFactory.getLogger(ServiceUnavailableAdvice.class);

  @ExceptionHandler(GoalStates.StateNotReadyException.class)
  ProblemDetail stateNotReady(GoalStates.StateNotReadyException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }

  @ExceptionHandler(EventPublisher.PublishFailedException.class)
  ProblemDetail publishFailed(EventPublisher.PublishFailedException e) {
    log.warn("an event was not written: {}", e.getMessage());
    return ProblemDetail.forStatusAndDetail(
        HttpStatus.SERVICE_UNAVAILABLE, "Kafka did not take the event; nothing was written; retry");
  }

  @ExceptionHandler(EventPublisher.EventTooLargeException.class)
  ProblemDetail eventTooLarge(EventPublisher.EventTooLargeException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
  }
}
