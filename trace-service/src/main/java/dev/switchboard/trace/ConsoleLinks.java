package dev.switchboard.trace;

import dev.switchboard.edge.InvalidConfigurationException;
import java.net.URI;
import org.springframework.web.util.UriUtils;

/**
 * Where the console links out: a goal's trace in Jaeger, an escalation's item in the handoff inbox.
 * Each link exists only when its base URL is configured.
 */
final class ConsoleLinks {
  private static final String ESCALATION_ID = "{escalationId}";

  private final String jaegerUrl;
  private final String inboxUrl;
  private final String inboxItemPath;

  ConsoleLinks(TraceProperties properties) {
    this.jaegerUrl = checked(properties.jaegerUrl(), "switchboard.trace.jaeger-url");
    this.inboxUrl = checked(properties.inboxUrl(), "switchboard.trace.inbox-url");
    if (!properties.inboxItemPath().contains(ESCALATION_ID)
        || !properties.inboxItemPath().startsWith("/")) {
      throw new InvalidConfigurationException(
          "switchboard.trace.inbox-item-path must start with / and hold "
              + ESCALATION_ID
              + ", like /inbox/{escalationId}; it is '"
              + properties.inboxItemPath()
              + "'");
    }
    this.inboxItemPath = properties.inboxItemPath();
  }

  /** {@code <jaeger-url>/trace/<traceId>}, or null without a Jaeger URL or a trace id. */
  String trace(String traceId) {
    return jaegerUrl == null || traceId == null ? null : jaegerUrl + "/trace/" + traceId;
  }

  /** The escalation's inbox item, or null without an inbox URL. */
  String inboxItem(String escalationId) {
    return inboxUrl == null || escalationId == null
        ? null
        : inboxUrl
            + inboxItemPath.replace(
                ESCALATION_ID, UriUtils.encodePathSegment(escalationId, "UTF-8"));
  }

  boolean jaegerConfigured() {
    return jaegerUrl != null;
  }

  private static String checked(String url, String property) {
    if (url == null) {
      return null;
    }
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    try {
      URI uri = URI.create(trimmed);
      if (uri.getHost() != null
          && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return trimmed;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new InvalidConfigurationException(
        property + " must be an http(s) URL like http://localhost:16686; it is '" + url + "'");
  }
}
