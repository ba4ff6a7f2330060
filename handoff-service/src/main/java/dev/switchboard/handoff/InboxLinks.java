package dev.switchboard.handoff;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Links from an inbox item to where the rest of its goal is told: the trace console's journal and
 * the goal's trace in Jaeger, when those are configured.
 *
 * @param traceConsole base URL of the trace-service console, e.g. {@code http://localhost:8085}
 * @param jaeger the Jaeger UI (e.g. {@code http://localhost:16686}: an item links {@code
 *     <jaeger>/trace/<traceId>} of the trace its escalation came with), or a URL with {@code
 *     {traceId}} or {@code {goalId}} in it (e.g. a Jaeger search by the goal-id tag)
 */
public record InboxLinks(String traceConsole, String jaeger) {
  private static final String GOAL_ID = "{goalId}";
  private static final String TRACE_ID = "{traceId}";

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

  /** The goal's trace; null when Jaeger is not configured, or the URL needs a trace id unknown. */
  public String traceOf(String goalId, String traceId) {
    if (jaeger == null) {
      return null;
    }
    boolean byTrace = jaeger.contains(TRACE_ID) || !jaeger.contains(GOAL_ID);
    if (byTrace && traceId == null) {
      return null;
    }
    if (!jaeger.contains(TRACE_ID) && !jaeger.contains(GOAL_ID)) {
      return (jaeger.endsWith("/") ? jaeger : jaeger + "/") + "trace/" + traceId;
    }
    String url = jaeger.replace(GOAL_ID, URLEncoder.encode(goalId, StandardCharsets.UTF_8));
    return traceId == null ? url : url.replace(TRACE_ID, traceId);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
