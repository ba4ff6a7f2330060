package dev.switchboard.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real HTTP server on a random loopback port that answers each path from a script of responses
 * (the last one repeats) and records every request it gets.
 */
final class StubHttpServer implements AutoCloseable {
  record Answer(int status, String body, String contentType, Map<String, String> headers) {
    Answer(int status, String body) {
      this(status, body, "application/json", Map.of());
    }

    Answer(int status, String body, String contentType) {
      this(status, body, contentType, Map.of());
    }

    Answer(int status, String body, Map<String, String> headers) {
      this(status, body, "application/json", headers);
    }
  }

  record Request(
      String method,
      String path,
      String authorization,
      String body,
      String lastEventId,
      Map<String, String> headers) {
    String header(String name) {
      return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }
  }

  private final HttpServer server;
  private final Map<String, Deque<Answer>> answers = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  StubHttpServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /**
   * Answers {@code method path} with these responses in turn, repeating the last one. A path ending
   * in {@code *} matches every path with that prefix.
   */
  StubHttpServer on(String method, String path, Answer... script) {
    answers.put(method + " " + path, new ArrayDeque<>(List.of(script)));
    return this;
  }

  List<Request> requests() {
    return List.copyOf(requests);
  }

  List<Request> requestsTo(String method, String path) {
    return requests.stream()
        .filter(request -> request.method().equals(method) && request.path().equals(path))
        .toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new java.util.HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) ->
                headers.put(name.toLowerCase(java.util.Locale.ROOT), values.getFirst()));
    requests.add(
        new Request(
            method,
            path,
            exchange.getRequestHeaders().getFirst("Authorization"),
            body,
            exchange.getRequestHeaders().getFirst("Last-Event-ID"),
            headers));
    Answer answer = next(method + " " + path);
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", answer.contentType());
    answer.headers().forEach(exchange.getResponseHeaders()::add);
    exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private Answer next(String route) {
    Deque<Answer> script = answers.get(route);
    if (script == null) {
      script =
          answers.entrySet().stream()
              .filter(entry -> entry.getKey().endsWith("*"))
              .filter(
                  entry ->
                      route.startsWith(entry.getKey().substring(0, entry.getKey().length() - 1)))
              .map(Map.Entry::getValue)
              .findFirst()
              .orElse(null);
    }
    if (script == null) {
      return new Answer(404, "");
    }
    synchronized (script) {
      return script.size() > 1 ? script.poll() : script.peek();
    }
  }

  static Answer ok(String body) {
    return new Answer(200, body);
  }

  static Answer status(int status) {
    return new Answer(status, "");
  }

  /** An event stream that sends these events and then ends, as a restarting server's would. */
  static Answer events(String... events) {
    return new Answer(200, String.join("", events), "text/event-stream");
  }

  static Answer problem(int status, String detail) {
    return new Answer(
        status,
        "{\"type\":\"about:blank\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}",
        "application/problem+json");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
