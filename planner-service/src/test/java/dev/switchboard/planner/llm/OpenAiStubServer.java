package dev.switchboard.planner.llm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An OpenAI-compatible {@code /v1/chat/completions} on a random local port, answering from a
 * script: tool calls, text, a body that is not JSON, a slow answer held until the test lets it go,
 * an HTTP error status (429). Past the script, a responder may answer from the request (the
 * conversation the planner sent), so a model can "answer whatever the planner asks". Keeps every
 * request body. For tests and benchmarks only; never a real provider.
 */
public final class OpenAiStubServer implements AutoCloseable {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One scripted answer. */
  public sealed interface Answer {}

  record ToolCalls(List<String[]> calls, int promptTokens, int completionTokens)
      implements Answer {}

  record Text(String content, int promptTokens, int completionTokens) implements Answer {}

  record NotJson() implements Answer {}

  record Status(int status, String message) implements Answer {}

  record Held(Answer answer, CountDownLatch release) implements Answer {}

  private final HttpServer server;
  private final Deque<Answer> script = new ArrayDeque<>();
  private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
  private volatile Function<JsonNode, Answer> responder;
  private volatile Duration latency = Duration.ZERO;

  public OpenAiStubServer() throws IOException {
    this(0);
  }

  /** On this local port (0: any free one), e.g. one a planner was configured with. */
  public OpenAiStubServer(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/v1/chat/completions", this::answer);
    server.start();
  }

  /** The base URL for an OpenAI client, {@code /v1} included. */
  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /** Each call is {@code {id, name, arguments-json}}. */
  public OpenAiStubServer toolCalls(int promptTokens, int completionTokens, String[]... calls) {
    return then(new ToolCalls(List.of(calls), promptTokens, completionTokens));
  }

  public OpenAiStubServer text(String content) {
    return then(new Text(content, 5, 5));
  }

  public OpenAiStubServer notJson() {
    return then(new NotJson());
  }

  public OpenAiStubServer status(int status) {
    return then(new Status(status, "Rate limit reached, slow down"));
  }

  /** The next answer is sent only once {@code release} counts down. */
  public OpenAiStubServer held(CountDownLatch release, Answer answer) {
    return then(new Held(answer, release));
  }

  public static Answer textAnswer(String content) {
    return new Text(content, 5, 5);
  }

  /** Tool calls, each {@code {id, name, arguments-json}}, with the usage the reply reports. */
  public static Answer toolCallsAnswer(
      int promptTokens, int completionTokens, List<String[]> calls) {
    return new ToolCalls(List.copyOf(calls), promptTokens, completionTokens);
  }

  /** Answers every request the script does not, from the request body. */
  public OpenAiStubServer respondWith(Function<JsonNode, Answer> responder) {
    this.responder = responder;
    return this;
  }

  /** Every answer waits this long first: a model's latency, for benchmarks. */
  public OpenAiStubServer latency(Duration latency) {
    this.latency = latency;
    return this;
  }

  /** The text of every message of a request, in order: what the planner told the model. */
  public static List<String> contents(JsonNode request) {
    return request
        .path("messages")
        .valueStream()
        .map(message -> message.path("content").asString(""))
        .toList();
  }

  public synchronized OpenAiStubServer then(Answer answer) {
    script.add(answer);
    return this;
  }

  public List<JsonNode> requests() {
    return List.copyOf(requests);
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
      requests.add(request);
      Answer answer;
      synchronized (this) {
        answer = script.pollFirst();
      }
      Function<JsonNode, Answer> fallback = responder;
      if (answer == null && fallback != null) {
        answer = fallback.apply(request);
      }
      if (!latency.isZero()) {
        try {
          Thread.sleep(latency);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      if (answer == null) {
        send(exchange, 500, error("the stub's script has no more answers"));
        return;
      }
      write(exchange, answer);
    }
  }

  private void write(HttpExchange exchange, Answer answer) throws IOException {
    switch (answer) {
      case ToolCalls calls ->
          send(
              exchange,
              200,
              completion(null, calls.calls(), calls.promptTokens(), calls.completionTokens()));
      case Text text ->
          send(
              exchange,
              200,
              completion(text.content(), List.of(), text.promptTokens(), text.completionTokens()));
      case NotJson notJson -> send(exchange, 200, "{\"id\": \"chatcmpl-broken\", \"choices\": [");
      case Status status -> {
        exchange.getResponseHeaders().add("retry-after-ms", "10");
        send(exchange, status.status(), error(status.message()));
      }
      case Held held -> {
        try {
          if (!held.release().await(30, TimeUnit.SECONDS)) {
            return;
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        write(exchange, held.answer());
      }
    }
  }

  private static String completion(
      String content, List<String[]> calls, int promptTokens, int completionTokens) {
    ObjectNode body = JSON.createObjectNode();
    body.put("id", "chatcmpl-stub")
        .put("object", "chat.completion")
        .put("created", 1_700_000_000L)
        .put("model", "stub-model");
    ObjectNode choice = body.putArray("choices").addObject();
    choice
        .put("index", 0)
        .put("finish_reason", calls.isEmpty() ? "stop" : "tool_calls")
        .putNull("logprobs");
    ObjectNode message = choice.putObject("message").put("role", "assistant");
    if (content == null) {
      message.putNull("content");
    } else {
      message.put("content", content);
    }
    if (!calls.isEmpty()) {
      ArrayNode toolCalls = message.putArray("tool_calls");
      for (String[] call : calls) {
        ObjectNode toolCall = toolCalls.addObject().put("id", call[0]).put("type", "function");
        toolCall.putObject("function").put("name", call[1]).put("arguments", call[2]);
      }
    }
    body.putObject("usage")
        .put("prompt_tokens", promptTokens)
        .put("completion_tokens", completionTokens)
        .put("total_tokens", promptTokens + completionTokens);
    return body.toString();
  }

  private static String error(String message) {
    ObjectNode body = JSON.createObjectNode();
    body.putObject("error")
        .put("message", message)
        .put("type", "requests")
        .putNull("param")
        .putNull("code");
    return body.toString();
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
