package dev.switchboard.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/** Reads goal journals from the trace-service. */
final class TraceClient {
  private final String baseUrl;
  private final JsonHttp http;

  TraceClient(String baseUrl, JsonHttp http) {
    this.baseUrl = ServiceUrl.normalize(baseUrl, "--trace-url");
    this.http = http;
  }

  /** Where a person (or curl) finds the goal's journal. */
  URI journalUri(String goalId) {
    return URI.create(baseUrl + "/api/goals/" + URLEncoder.encode(goalId, StandardCharsets.UTF_8));
  }

  /** The goal's journal, or empty while the trace-service has not seen the goal yet. */
  Optional<GoalJournal> journal(String goalId) {
    JsonHttp.Response response = http.get(journalUri(goalId), Map.of());
    if (response.status() == 404) {
      return Optional.empty();
    }
    if (!response.ok()) {
      throw new CommandFailedException(
          "trace-service answered HTTP " + response.status() + " for " + response.uri());
    }
    return Optional.of(http.read(response, GoalJournal.class));
  }
}
