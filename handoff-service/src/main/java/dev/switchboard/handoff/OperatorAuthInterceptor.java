package dev.switchboard.handoff;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.HandlerInterceptor;
import tools.jackson.databind.json.JsonMapper;

/**
 * Lets a request into {@code /api/**} only with the operator's bearer token, and tells the
 * controller who acts. A plain interceptor for one fixed operator; real users bring real security.
 */
final class OperatorAuthInterceptor implements HandlerInterceptor {
  /** Request attribute holding the authenticated actor's name. */
  static final String ACTOR = "switchboard.handoff.actor";

  private final OperatorToken token;
  private final String operatorName;
  private final JsonMapper mapper;

  OperatorAuthInterceptor(OperatorToken token, String operatorName, JsonMapper mapper) {
    this.token = token;
    this.operatorName = operatorName;
    this.mapper = mapper;
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
      throws IOException {
    OperatorToken.Verdict verdict = token.check(request.getHeader(HttpHeaders.AUTHORIZATION));
    if (verdict == OperatorToken.Verdict.ADMITTED) {
      request.setAttribute(ACTOR, operatorName);
      return true;
    }
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", HttpStatus.UNAUTHORIZED.getReasonPhrase());
    problem.put("status", HttpStatus.UNAUTHORIZED.value());
    problem.put("detail", verdict.problem);
    problem.put("instance", request.getRequestURI());
    response.setStatus(HttpStatus.UNAUTHORIZED.value());
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(mapper.writeValueAsBytes(problem));
    return false;
  }
}
