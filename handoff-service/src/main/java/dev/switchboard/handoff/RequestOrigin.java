package dev.switchboard.handoff;

import dev.switchboard.contracts.event.ResolutionAudit;
import dev.switchboard.websecurity.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where an answer came from, for its audit record: the client's address (as the server saw it;
 * behind a proxy set {@code server.forward-headers-strategy}), its user agent, and the trace id of
 * its W3C {@code traceparent}, if it sent one.
 */
public record RequestOrigin(String clientAddress, String userAgent, String traceId) {
  static final int MAX_USER_AGENT = 200;
  private static final Pattern TRACEPARENT =
      Pattern.compile("([0-9a-f]{2})-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}(-.*)?");
  private static final String NO_TRACE = "0".repeat(32);

  public static RequestOrigin of(HttpServletRequest request) {
    return new RequestOrigin(
        request.getRemoteAddr(),
        shortened(request.getHeader("User-Agent")),
        traceIdOf(request.getHeader("traceparent")));
  }

  public ResolutionAudit auditOf(Caller caller) {
    return new ResolutionAudit(
        caller.authenticatedBy(), caller.sortedRoles(), clientAddress, userAgent, traceId);
  }

  static String traceIdOf(String traceparent) {
    if (traceparent == null) {
      return null;
    }
    Matcher matcher = TRACEPARENT.matcher(traceparent.strip());
    if (!matcher.matches() || matcher.group(1).equals("ff") || matcher.group(2).equals(NO_TRACE)) {
      return null;
    }
    return matcher.group(2);
  }

  /** One printable line of at most {@link #MAX_USER_AGENT} characters. */
  static String shortened(String userAgent) {
    if (userAgent == null || userAgent.isBlank()) {
      return null;
    }
    String printable = userAgent.replaceAll("\\p{Cntrl}", " ").strip();
    return printable.length() <= MAX_USER_AGENT
        ? printable
        : printable.substring(0, MAX_USER_AGENT - 1) + "…";
  }
}
