package dev.switchboard.cli;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The headers that sign the CLI in at one service (the inbox, the trace): a service token sent with
 * every call, or a person's password traded once for that service's session (cookie and CSRF token)
 * at {@code POST /api/session}.
 */
final class ServiceSession {
  private static final String SESSION = "/api/session";

  /** The answer of {@code POST /api/session}. */
  record SessionOpened(String name, List<String> roles, String csrfHeaderName, String csrfToken) {}

  private final String baseUrl;
  private final String service;
  private final InboxLogin login;
  private final JsonHttp http;
  private Map<String, String> headers;

  /**
   * @param baseUrl the service's URL, normalized
   * @param service its name for messages, e.g. {@code handoff-service}
   */
  ServiceSession(String baseUrl, String service, InboxLogin login, JsonHttp http) {
    this.baseUrl = baseUrl;
    this.service = service;
    this.login = login;
    this.http = http;
  }

  InboxLogin login() {
    return login;
  }

  /** The headers for the next call; a password is traded for a session on first use. */
  Map<String, String> headers() {
    if (headers == null) {
      headers =
          switch (login) {
            case InboxLogin.Token token -> Map.of("Authorization", "Bearer " + token.token());
            case InboxLogin.Password password -> open(password);
          };
    }
    return headers;
  }

  private Map<String, String> open(InboxLogin.Password password) {
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (password.user() + ":" + password.password()).getBytes(StandardCharsets.UTF_8));
    JsonHttp.Response response =
        http.post(URI.create(baseUrl + SESSION), Map.of("Authorization", "Basic " + basic));
    if (!response.ok()) {
      throw new CommandFailedException(
          "the "
              + service
              + " did not accept "
              + login.describe()
              + " (HTTP "
              + response.status()
              + "); check --token, or --user and its password");
    }
    SessionOpened session = http.read(response, SessionOpened.class);
    String cookie =
        response.header("Set-Cookie").stream()
            .map(value -> value.split(";", 2)[0])
            .filter(value -> value.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow(
                () ->
                    new CommandFailedException(
                        "the " + service + " opened no session for " + login.describe()));
    Map<String, String> signedIn = new HashMap<>();
    signedIn.put("Cookie", cookie);
    signedIn.put(session.csrfHeaderName(), session.csrfToken());
    return Map.copyOf(signedIn);
  }

  @Override
  public String toString() {
    return "ServiceSession[" + service + ", " + login + "]";
  }
}
