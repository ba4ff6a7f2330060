package dev.switchboard.handoff;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/** Every error of the inbox API as an RFC 9457 problem with a message a person can act on. */
@RestControllerAdvice(assignableTypes = {EscalationController.class, PeerController.class})
class EscalationProblems extends ResponseEntityExceptionHandler {

  @ExceptionHandler
  ProblemDetail inboxProblem(InboxProblem problem) {
    ProblemDetail detail = ProblemDetail.forStatusAndDetail(problem.status(), problem.getMessage());
    detail.setType(problem.type());
    problem.properties().forEach(detail::setProperty);
    return detail;
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail =
        e.getCause() instanceof JacksonException json
            ? "the request body is not valid JSON: " + json.getOriginalMessage()
            : "the request needs a JSON body, e.g. {\"reason\": \"...\"}";
    return handleExceptionInternal(
        e,
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail),
        headers,
        status,
        request);
  }
}
