package dev.switchboard.websecurity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sessions for API clients that sign in with a user's password (the CLI): {@code POST /api/session}
 * with HTTP Basic checks the password once and answers with a fresh session and its CSRF token;
 * later calls carry the cookie and {@code X-CSRF-TOKEN}. {@code GET} says who the caller is, {@code
 * DELETE} ends the session.
 */
@RestController
public class ApiSessionController {
  private final HttpSessionSecurityContextRepository contexts =
      new HttpSessionSecurityContextRepository();
  private final HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();

  /** Who signed in, and the CSRF header to send with every write of this session. */
  public record SessionOpened(
      String name, List<String> roles, String csrfHeaderName, String csrfToken) {}

  /** Whoever the request was authenticated as. */
  public record Whoami(String name, List<String> roles, String authenticatedBy) {}

  @PostMapping(SwitchboardWebSecurity.SESSION_PATH)
  SessionOpened open(
      HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
    // A session id the client brought along is never promoted to a signed-in one.
    HttpSession earlier = request.getSession(false);
    if (earlier != null) {
      earlier.invalidate();
    }
    request.getSession(true);
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(authentication);
    contexts.saveContext(context, request, response);
    CsrfToken csrf = csrfTokens.generateToken(request);
    csrfTokens.saveToken(csrf, request, response);
    Caller caller = Caller.of(authentication);
    return new SessionOpened(
        caller.name(), caller.sortedRoles(), csrf.getHeaderName(), csrf.getToken());
  }

  @GetMapping(SwitchboardWebSecurity.SESSION_PATH)
  Whoami whoami(Authentication authentication) {
    Caller caller = Caller.of(authentication);
    return new Whoami(caller.name(), caller.sortedRoles(), caller.authenticatedBy());
  }

  @DeleteMapping(SwitchboardWebSecurity.SESSION_PATH)
  ResponseEntity<Void> close(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return ResponseEntity.noContent().build();
  }
}
