package dev.switchboard.edge;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** State that is briefly unreadable, or a broker that did not take a write, is a 503 to retry. */
@RestControllerAdvice
class ServiceUnavailableAdvice {

  @ExceptionHandler(GoalStates.StateNotReadyException.class)
  ProblemDetail stateNotReady(GoalStates.StateNotReadyException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }

  @ExceptionHandler(EventPublisher.PublishFailedException.class)
  ProblemDetail publishFailed(EventPublisher.PublishFailedException e) {
    return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
  }
}
