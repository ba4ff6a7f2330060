package dev.switchboard.websecurity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 of the API as RFC 9457 problem details with a {@code detail} to act on. The text
 * comes from Spring Security's exceptions, which never hold a presented token or password.
 */
public final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {
  static final String SIGN_IN =
      "sign in first: send 'Authorization: Bearer <token>' (a service token or an access token), or"
          + " use the session cookie from POST /api/session";

  private final JsonMapper mapper = JsonMapper.builder().build();

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
      throws IOException {
    String detail = SIGN_IN;
    String challenge = "Bearer";
    if (failure instanceof OAuth2AuthenticationException oauth) {
      String description = oauth.getError().getDescription();
      detail = description == null ? oauth.getError().getErrorCode() : description;
      challenge = "Bearer error=\"" + oauth.getError().getErrorCode() + "\"";
    } else if (request.getHeader(HttpHeaders.AUTHORIZATION) != null) {
      detail = failure.getMessage();
    }
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, challenge);
    write(request, response, HttpStatus.UNAUTHORIZED, detail);
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
      throws IOException {
    String detail =
        denied instanceof CsrfException
            ? "missing or wrong CSRF token: a request carried by a session cookie needs the"
                + " X-CSRF-TOKEN header (POST /api/session returns it)"
            : "your roles do not allow this";
    write(request, response, HttpStatus.FORBIDDEN, detail);
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    Map<String, Object> problem = new LinkedHashMap<>();
    problem.put("type", "about:blank");
    problem.put("title", status.getReasonPhrase());
    problem.put("status", status.value());
    problem.put("detail", detail);
    problem.put("instance", request.getRequestURI());
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.getOutputStream().write(mapper.writeValueAsBytes(problem));
  }
}
