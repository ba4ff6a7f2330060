package dev.switchboard.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads goal journals from the trace-service, live, as server-sent events, signed in like the
 * inbox: a service token, or a person's password traded for a session.
 */
final class TraceClient {
  private final String baseUrl;
  private final JsonHttp http;
  private final ServiceSession session;

  /**
   * @param login who reads; null: no credentials (a trace-service without sign-in, or tests)
   */
  TraceClient(String baseUrl, InboxLogin login, JsonHttp http) {
    this.baseUrl = ServiceUrl.normalize(baseUrl, "--trace-url");
    this.http = http;
    this.session =
        login == null ? null : new ServiceSession(this.baseUrl, "trace-service", login, http);
  }

  TraceClient(String baseUrl, JsonHttp http) {
    this(baseUrl, null, http);
  }

  /** What opening a goal's live journal gave. */
  sealed interface EventsAnswer {}

  record Opened(JournalStream stream) implements EventsAnswer {}

  /** The trace-service has not seen the goal (yet). */
  record NotSeen() implements EventsAnswer {}

  /** The trace-service answered but cannot serve it now (starting, restoring, moving). */
  record Unavailable(String why) implements EventsAnswer {}

  /** Where a person (or curl) finds the goal's journal. */
  URI journalUri(String goalId) {
    return URI.create(baseUrl + "/api/goals/" + encoded(goalId));
  }

  /** The goal's page in the trace console. */
  URI consoleUri(String goalId) {
    return URI.create(baseUrl + "/goals/" + encoded(goalId));
  }

  /**
   * Opens the goal's live journal; with {@code lastEventId} (a journal version) it resumes after
   * it.
   *
   * @throws ServiceUnreachableException when the trace-service does not answer at all
   */
  EventsAnswer events(String goalId, String lastEventId) {
    URI uri = URI.create(journalUri(goalId) + "/events");
    Map<String, String> headers = new HashMap<>(session == null ? Map.of() : session.headers());
    if (lastEventId != null) {
      headers.put("Last-Event-ID", lastEventId);
    }
    JsonHttp.StreamResponse response = http.openStream(uri, headers);
    if (response.status() == 200) {
      return new Opened(new JournalStream(response.body()));
    }
    String detail = drain(response);
    return switch (response.status()) {
      case 404 -> new NotSeen();
      case 401 ->
          throw new CommandFailedException(
              "the trace-service did not accept "
                  + (session == null ? "a call without a login" : session.login().describe())
                  + " (HTTP 401"
                  + detail
                  + "); check --token, or --user and its password");
      case 403 ->
          throw new CommandFailedException(
              "the trace-service refused to show goal "
                  + goalId
                  + " (HTTP 403"
                  + detail
                  + "): the login needs a viewer role there");
      case 502, 503, 504 ->
          new Unavailable("trace-service answered HTTP " + response.status() + detail);
      default ->
          throw new CommandFailedException(
              "trace-service answered HTTP " + response.status() + " for " + uri + detail);
    };
  }

  <T> T read(ServerSentEvents.Event event, Class<T> type) {
    return http.read(event.data(), URI.create(baseUrl), type);
  }

  /** The problem detail's text, if the error answer has one. */
  private String drain(JsonHttp.StreamResponse response) {
    try (var body = response.body()) {
      String text = new String(body.readNBytes(4096), StandardCharsets.UTF_8);
      int detail = text.indexOf("\"detail\":\"");
      if (detail < 0) {
        return "";
      }
      int end = text.indexOf('"', detail + 10);
      return end < 0 ? "" : ": " + text.substring(detail + 10, end);
    } catch (IOException e) {
      return "";
    }
  }

  private static String encoded(String goalId) {
    return URLEncoder.encode(goalId, StandardCharsets.UTF_8);
  }
}
