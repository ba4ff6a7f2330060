package dev.switchboard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/** JSON over HTTP to the Switchboard services, with short timeouts and plain-words errors. */
final class JsonHttp {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
  private final JsonMapper mapper =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
          .build();

  record Response(URI uri, int status, String body, Map<String, List<String>> headers) {
    Response(URI uri, int status, String body) {
      this(uri, status, body, Map.of());
    }

    boolean ok() {
      return status >= 200 && status < 300;
    }

    /** The values of a response header, whatever its case. */
    List<String> header(String name) {
      return headers.entrySet().stream()
          .filter(entry -> entry.getKey().equalsIgnoreCase(name))
          .flatMap(entry -> entry.getValue().stream())
          .toList();
    }
  }

  Response get(URI uri, Map<String, String> headers) {
    return send(request(uri, headers).GET().build());
  }

  Response post(URI uri, Object body, Map<String, String> headers) {
    return send(
        request(uri, headers)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body)))
            .build());
  }

  /** A POST without a body, e.g. opening a session. */
  Response post(URI uri, Map<String, String> headers) {
    return send(request(uri, headers).POST(HttpRequest.BodyPublishers.noBody()).build());
  }

  /** An answer whose body is read as it comes (an event stream); close the body when done. */
  record StreamResponse(URI uri, int status, InputStream body) {}

  /** Opens a streaming GET: waits for the status and headers only. */
  StreamResponse openStream(URI uri, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "text/event-stream");
    headers.forEach(builder::header);
    HttpRequest request = builder.GET().build();
    try {
      HttpResponse<InputStream> response =
          client.send(request, HttpResponse.BodyHandlers.ofInputStream());
      return new StreamResponse(uri, response.statusCode(), response.body());
    } catch (IOException e) {
      throw new ServiceUnreachableException("cannot reach " + uri + ": " + reasonOf(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException("interrupted while calling " + uri, e);
    }
  }

  <T> T read(String body, URI from, Class<T> type) {
    try {
      return mapper.readValue(body, type);
    } catch (JacksonException e) {
      throw new CommandFailedException(
          "unexpected answer from " + from + ": " + e.getOriginalMessage(), e);
    }
  }

  <T> T read(Response response, Class<T> type) {
    try {
      return mapper.readValue(response.body(), type);
    } catch (JacksonException e) {
      throw new CommandFailedException(
          "unexpected answer from " + response.uri() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static HttpRequest.Builder request(URI uri, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
    headers.forEach(builder::header);
    return builder;
  }

  private Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(
          request.uri(), response.statusCode(), response.body(), response.headers().map());
    } catch (IOException e) {
      throw new ServiceUnreachableException(
          "cannot reach " + request.uri() + ": " + reasonOf(e), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException("interrupted while calling " + request.uri(), e);
    }
  }

  private static String reasonOf(IOException e) {
    if (e instanceof ConnectException) {
      return "connection refused (is the service up? try: bin/switchboard status)";
    }
    if (e instanceof HttpTimeoutException) {
      return "no answer within the timeout";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
