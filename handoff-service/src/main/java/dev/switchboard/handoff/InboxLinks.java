package dev.switchboard.handoff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links from an inbox item to where the rest of its goal is told: the trace console's journal and
 * the goal's trace in Jaeger, when those are configured.
 *
 * @param traceConsole base URL of the trace-service console, e.g. {@code http://localhost:8085}
 * @param jaeger a URL with {@code {goalId}} in it, e.g. a Jaeger search by the goal-id tag
 */
public record InboxLinks(String traceConsole, String jaeger) {
  public InboxLinks {
    traceConsole = blankToNull(traceConsole);
    jaeger = blankToNull(jaeger);
  }

  /** The path of an item's page; the trace console links here. */
  public static String itemPage(String escalationId) {
    return "/inbox/" + escalationId;
  }

  public String journalOf(String goalId) {
    return traceConsole == null
        ? null
        : (traceConsole.endsWith("/") ? traceConsole : traceConsole + "/") + "goals/" + goalId;
  }

  public String traceOf(String goalId) {
    return jaeger == null
        ? null
        : jaeger.replace("{goalId}", URLEncoder.encode(goalId, StandardCharsets.UTF_8));
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
