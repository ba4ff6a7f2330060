package dev.switchboard.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The handoff-service's REST inbox, used as an operator with a bearer token. */
final class InboxClient {
  private final String baseUrl;
  private final Map<String, String> authorization;
  private final JsonHttp http;

  InboxClient(String baseUrl, String token, JsonHttp http) {
    this.baseUrl = ServiceUrl.normalize(baseUrl, "--handoff-url");
    this.authorization = Map.of("Authorization", "Bearer " + token);
    this.http = http;
  }

  List<Escalation> pending() {
    JsonHttp.Response response = http.get(URI.create(baseUrl + "/api/escalations"), authorization);
    check(response, "the inbox");
    return Arrays.asList(http.read(response, Escalation[].class));
  }

  List<Escalation> pendingFor(String goalId) {
    return pending().stream().filter(item -> goalId.equals(item.goalId())).toList();
  }

  void approve(String escalationId, String comment) {
    check(
        http.post(uriOf(escalationId, "approve"), Map.of("comment", comment), authorization),
        "escalation " + escalationId);
  }

  void deny(String escalationId, String reason) {
    check(
        http.post(uriOf(escalationId, "deny"), Map.of("reason", reason), authorization),
        "escalation " + escalationId);
  }

  private URI uriOf(String escalationId, String decision) {
    return URI.create(
        baseUrl
            + "/api/escalations/"
            + URLEncoder.encode(escalationId, StandardCharsets.UTF_8)
            + "/"
            + decision);
  }

  private static void check(JsonHttp.Response response, String what) {
    if (response.ok()) {
      return;
    }
    throw new CommandFailedException(
        switch (response.status()) {
          case 401, 403 ->
              "the handoff-service refused the operator token (HTTP "
                  + response.status()
                  + "); check --token";
          case 404 -> what + " was not found (already resolved, or a wrong id?)";
          case 409 -> what + " is already resolved";
          default ->
              "the handoff-service answered HTTP "
                  + response.status()
                  + " for "
                  + response.uri()
                  + bodyHint(response.body());
        });
  }

  private static String bodyHint(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String oneLine = body.replaceAll("\\s+", " ").strip();
    return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
  }
}
