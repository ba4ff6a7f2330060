package dev.switchboard.executor.tool.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.executor.tool.OutputLimit;
import dev.switchboard.executor.tool.ToolCall;
import dev.switchboard.executor.tool.ToolFailure;
import dev.switchboard.executor.tool.config.HttpToolSettings;
import dev.switchboard.executor.tool.config.SecretValues;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class HttpToolTest {
  private final JsonMapper mapper = new EventCodec().mapper();
  private final List<String> received = new CopyOnWriteArrayList<>();
  @TempDir Path secrets;
  private HttpServer server;
  private volatile int status = 200;
  private volatile String answer = "{\"ok\":true}";

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    server.createContext("/", this::handle);
    server.start();
    Files.writeString(secrets.resolve("api-key"), "key-42\n");
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    received.add(
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI()
            + " key="
            + exchange.getRequestHeaders().getFirst("X-Api-Key")
            + " idem="
            + exchange.getRequestHeaders().getFirst("Idempotency-Key")
            + " type="
            + exchange.getRequestHeaders().getFirst("Content-Type")
            + " body="
            + body);
    byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
    exchange.close();
  }

  @Test
  void shouldFillTheUrlAndSendTheSecretHeaderAndTheIdempotencyKey() throws Exception {
    HttpTool tool =
        tool(
            "weather.now",
            new HttpToolSettings(
                "The weather",
                "GET",
                base() + "/weather?city={city}",
                Map.of("X-Api-Key", "${secret:api-key}"),
                null,
                null,
                true,
                null,
                null,
                null));
    answer = "{\"celsius\":21}";

    JsonNode output = tool.call(call("{\"city\":\"New York\"}"));

    assertThat(output.toString()).isEqualTo("{\"celsius\":21}");
    assertThat(received)
        .containsExactly("GET /weather?city=New%20York key=key-42 idem=g-1/step-1 type=null body=");
    assertThat(tool.sideEffect()).isFalse();
    assertThat(tool.descriptor().inputSchema().toString())
        .isEqualTo(
            "{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
                + "\"required\":[\"city\"]}");
    assertThat(tool.toString()).doesNotContain("key-42");
  }

  @Test
  void shouldFillTheBodyTemplateKeepingJsonValues() throws Exception {
    HttpTool tool =
        tool(
            "tickets.open",
            new HttpToolSettings(
                null,
                "POST",
                base() + "/tickets",
                null,
                mapper.readTree(
                    "{\"title\":\"Call {name}\",\"priority\":\"{priority}\",\"tags\":[\"{tag}\"]}"),
                null,
                null,
                null,
                null,
                null));

    tool.call(call("{\"name\":\"Pat\",\"priority\":2,\"tag\":\"sales\"}"));

    assertThat(received)
        .containsExactly(
            "POST /tickets key=null idem=g-1/step-1 type=application/json body="
                + "{\"title\":\"Call Pat\",\"priority\":2,\"tags\":[\"sales\"]}");
    assertThat(tool.sideEffect()).isTrue();
    assertThat(tool.retrySafe()).isFalse();
  }

  @Test
  void shouldSendTheArgumentsAsTheBodyWhenThereIsNoTemplate() throws Exception {
    HttpTool tool = tool("notes.add", settings("POST", base() + "/notes"));
    answer = "";
    status = 204;

    JsonNode output = tool.call(call("{\"text\":\"hi\"}"));

    assertThat(output.toString()).isEqualTo("{\"status\":204}");
    assertThat(received.getFirst()).endsWith("body={\"text\":\"hi\"}");
  }

  @Test
  void shouldWrapAnswersThatAreNoJsonObject() throws Exception {
    HttpTool tool = tool("x.y", settings("GET", base() + "/x"));

    answer = "[1,2]";
    assertThat(tool.call(call("{}")).toString()).isEqualTo("{\"value\":[1,2]}");
    answer = "plain words";
    assertThat(tool.call(call("{}")).toString()).isEqualTo("{\"text\":\"plain words\"}");
  }

  @Test
  void shouldTakeAClientErrorAsTheEndpointsRefusal() {
    HttpTool tool = tool("x.y", settings("GET", base() + "/x"));
    status = 404;
    answer = "{\"error\":\"no such account\"}";

    assertThatThrownBy(() -> tool.call(call("{}")))
        .isInstanceOf(ToolFailure.class)
        .hasMessage("HTTP 404 from x.y: {\"error\":\"no such account\"}");
  }

  @Test
  void shouldLeaveTheOutcomeOpenOnAServerError() {
    HttpTool tool = tool("x.y", settings("POST", base() + "/x"));
    status = 503;
    answer = "busy";

    assertThatThrownBy(() -> tool.call(call("{}")))
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(ToolFailure.class)
        .hasMessage("HTTP 503 from x.y: busy");
  }

  @Test
  void shouldRefuseACallMissingAPlaceholdersArgument() {
    HttpTool tool = tool("x.y", settings("GET", base() + "/accounts/{id}"));

    assertThatThrownBy(() -> tool.call(call("{}")))
        .isInstanceOf(ToolFailure.class)
        .hasMessage("argument 'id' is required");
    assertThat(received).isEmpty();
  }

  @Test
  void shouldNotPutTheUrlWithItsSecretIntoTheErrorWhenNothingAnswers() {
    server.stop(0);
    HttpTool tool = tool("x.y", settings("GET", base() + "/x?token=${secret:api-key}"));

    assertThatThrownBy(() -> tool.call(call("{}")))
        .hasMessageStartingWith("x.y: no answer from http://localhost:")
        .hasMessageNotContaining("key-42");
  }

  private HttpToolSettings settings(String method, String url) {
    return new HttpToolSettings(null, method, url, null, null, null, null, null, null, null);
  }

  private HttpTool tool(String name, HttpToolSettings settings) {
    return new HttpTool(
        name,
        settings,
        new SecretValues(secrets, variable -> null),
        HttpClient.newHttpClient(),
        Duration.ofSeconds(10),
        mapper,
        new OutputLimit(64 * 1024, mapper));
  }

  private String base() {
    return "http://localhost:" + server.getAddress().getPort();
  }

  private ToolCall call(String arguments) {
    return new ToolCall("g-1/step-1", "g-1", mapper.readTree(arguments));
  }
}
