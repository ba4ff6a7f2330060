package dev.switchboard.trace;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * RFC 9457 problem details for the journal API (the edge answers 503 for a store being restored).
 * JSON even for event-stream requests: an EventSource gives up on any status but 200, and a client
 * that reads the body learns why.
 */
@RestControllerAdvice(assignableTypes = {GoalJournalController.class, GoalEventsController.class})
class TraceProblems {
  private static final String RETRY_AFTER_SECONDS = "2";

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unknownGoal(UnknownGoalException e) {
    return problem(HttpStatus.NOT_FOUND, e.getMessage());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> badQuery(RecentGoalsQuery.InvalidQueryException e) {
    return problem(HttpStatus.BAD_REQUEST, e.getMessage());
  }

  @ExceptionHandler
  ResponseEntity<ProblemDetail> unavailable(GoalUnavailableException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetail.forStatusAndDetail(status, detail));
  }
}
