package dev.switchboard.cli;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The handoff-service's REST inbox, signed in with a service token or a person's password. A
 * refused answer comes back as the service's reason (who may not, who decided first).
 */
final class InboxClient {
  /** One page of {@code GET /api/escalations}. */
  record EscalationPage(List<Escalation> items, int totalItems) {}

  private final String baseUrl;
  private final InboxLogin login;
  private final JsonHttp http;
  private final ServiceSession session;

  InboxClient(String baseUrl, InboxLogin login, JsonHttp http) {
    this.baseUrl = ServiceUrl.normalize(baseUrl, "--handoff-url");
    this.login = login;
    this.http = http;
    this.session = new ServiceSession(this.baseUrl, "handoff-service", login, http);
  }

  /** With a service token, as before people could sign in. */
  InboxClient(String baseUrl, String token, JsonHttp http) {
    this(baseUrl, new InboxLogin.Token(token), http);
  }

  List<Escalation> pending() {
    JsonHttp.Response response =
        http.get(URI.create(baseUrl + "/api/escalations?size=200"), credentials());
    check(response, "the inbox");
    return http.read(response, EscalationPage.class).items();
  }

  List<Escalation> pendingFor(String goalId) {
    JsonHttp.Response response =
        http.get(
            URI.create(
                baseUrl
                    + "/api/escalations?goalId="
                    + URLEncoder.encode(goalId, StandardCharsets.UTF_8)),
            credentials());
    check(response, "the inbox");
    return http.read(response, EscalationPage.class).items().stream()
        .filter(item -> goalId.equals(item.goalId()))
        .toList();
  }

  void approve(String escalationId, String comment) {
    check(
        http.post(uriOf(escalationId, "approve"), Map.of("comment", comment), credentials()),
        "escalation " + escalationId);
  }

  void deny(String escalationId, String reason) {
    check(
        http.post(uriOf(escalationId, "deny"), Map.of("reason", reason), credentials()),
        "escalation " + escalationId);
  }

  /** The headers that sign a request in; a password is traded for a session on first use. */
  private Map<String, String> credentials() {
    return session.headers();
  }

  private URI uriOf(String escalationId, String decision) {
    return URI.create(
        baseUrl
            + "/api/escalations/"
            + URLEncoder.encode(escalationId, StandardCharsets.UTF_8)
            + "/"
            + decision);
  }

  private void check(JsonHttp.Response response, String what) {
    if (response.ok()) {
      return;
    }
    String detail = detailOf(response);
    throw new CommandFailedException(
        switch (response.status()) {
          case 401 ->
              "the handoff-service did not accept "
                  + login.describe()
                  + " (HTTP 401"
                  + (detail == null ? "" : ": " + detail)
                  + "); check --token, or --user and its password";
          case 403 -> what + ": refused" + (detail == null ? "" : ": " + detail);
          case 404 -> what + " was not found (a wrong id?)";
          case 409 -> detail != null ? detail : what + " is already resolved";
          default ->
              "the handoff-service answered HTTP "
                  + response.status()
                  + " for "
                  + response.uri()
                  + bodyHint(response.body());
        });
  }

  /** The {@code detail} of an RFC 9457 problem, when the body is one. */
  private String detailOf(JsonHttp.Response response) {
    if (response.body() == null || response.body().isBlank()) {
      return null;
    }
    try {
      JsonNode detail = http.read(response, JsonNode.class).get("detail");
      return detail == null || detail.isNull() ? null : detail.asString();
    } catch (CommandFailedException notJson) {
      return null;
    }
  }

  private static String bodyHint(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    String oneLine = body.replaceAll("\\s+", " ").strip();
    return ": " + (oneLine.length() > 200 ? oneLine.substring(0, 200) + "…" : oneLine);
  }
}
