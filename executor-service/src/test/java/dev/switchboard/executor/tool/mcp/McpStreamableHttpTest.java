package dev.switchboard.executor.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.catalog.ToolEntry.Annotations;
import dev.switchboard.executor.tool.OutputLimit;
import dev.switchboard.executor.tool.TestMcpServer;
import dev.switchboard.executor.tool.Tool;
import dev.switchboard.executor.tool.ToolCall;
import dev.switchboard.executor.tool.ToolFailure;
import dev.switchboard.executor.tool.ToolOverrides;
import dev.switchboard.executor.tool.config.McpServerSettings;
import dev.switchboard.executor.tool.config.McpServerSettings.Transport;
import dev.switchboard.executor.tool.config.SecretValues;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The executor's MCP client against a real MCP server over streamable HTTP. */
class McpStreamableHttpTest {
  private final JsonMapper mapper = new EventCodec().mapper();
  private final AtomicInteger changes = new AtomicInteger();
  private final List<McpServerConnection> connections = new ArrayList<>();
  private TestMcpServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = TestMcpServer.start();
  }

  @AfterEach
  void stop() throws Exception {
    connections.forEach(McpServerConnection::close);
    server.close();
  }

  @Test
  void shouldListTheToolsWithTheirHintsWhenTheServerIsTrusted() throws Exception {
    McpServerConnection connection = connected(settings(true, null, Map.of()));

    assertThat(connection.tools())
        .extracting(Tool::name)
        .containsExactlyInAnyOrder(
            "test.lookup", "test.greet", "test.refuse", "test.record", "test.wait");
    Tool lookup = tool(connection, "test.lookup");
    assertThat(lookup.descriptor().annotations()).isEqualTo(Annotations.READ_ONLY);
    assertThat(lookup.descriptor().trusted()).isTrue();
    assertThat(lookup.descriptor().description()).isEqualTo("Looks a thing up");
    assertThat(lookup.descriptor().inputSchema().path("required").get(0).asString())
        .isEqualTo("id");
    assertThat(lookup.sideEffect()).isFalse();
    assertThat(lookup.server()).isEqualTo("test");
    Tool record = tool(connection, "test.record");
    assertThat(record.sideEffect()).isTrue();
    assertThat(record.retrySafe()).isTrue();
    // No hints at all: MCP's defaults, destructive and open-world.
    assertThat(tool(connection, "test.greet").descriptor().annotations())
        .isEqualTo(Annotations.CAUTIOUS);
    assertThat(changes).hasPositiveValue();
  }

  @Test
  void shouldNotBelieveTheHintsOfAnUntrustedServerButTheConfiguration() throws Exception {
    McpServerConnection connection =
        connected(
            settings(
                false,
                "",
                Map.of(
                    "greet",
                    new ToolOverrides(true, null, null),
                    "record",
                    new ToolOverrides(null, null, true))));

    Tool lookup = tool(connection, "lookup");
    assertThat(lookup.descriptor().annotations()).isEqualTo(Annotations.CAUTIOUS);
    assertThat(lookup.descriptor().trusted()).isFalse();
    assertThat(lookup.sideEffect()).isTrue();
    assertThat(lookup.retrySafe()).isFalse();
    assertThat(tool(connection, "greet").descriptor().annotations())
        .isEqualTo(new Annotations(true, false, true, true));
    assertThat(tool(connection, "record").retrySafe()).isTrue();
    assertThat(tool(connection, "record").sideEffect()).isTrue();
  }

  @Test
  void shouldHandBackStructuredContentElseText() throws Exception {
    McpServerConnection connection = connected(settings(true, null, Map.of()));

    JsonNode found = tool(connection, "test.lookup").call(call("{\"id\":\"a-1\"}"));
    JsonNode greeted = tool(connection, "test.greet").call(call("{\"name\":\"Pat\"}"));

    assertThat(found).isEqualTo(mapper.readTree("{\"found\":true,\"id\":\"a-1\"}"));
    assertThat(greeted.toString()).isEqualTo("{\"text\":\"hello Pat\"}");
  }

  @Test
  void shouldTurnAnErrorResultIntoARefusalWithTheToolsMessage() throws Exception {
    McpServerConnection connection = connected(settings(true, null, Map.of()));

    assertThatThrownBy(() -> tool(connection, "test.refuse").call(call("{}")))
        .isInstanceOf(ToolFailure.class)
        .hasMessage("no account named 'Hooli'");
  }

  @Test
  void shouldPassTheActionIdAsIdempotencyKeyInMetaAndAsArgumentWhereTheToolTakesOne()
      throws Exception {
    McpServerConnection connection = connected(settings(true, null, Map.of()));

    tool(connection, "test.record").call(call("{\"note\":\"hi\"}"));

    var request = server.recorded().getFirst();
    assertThat(request.meta()).containsEntry(ToolCall.IDEMPOTENCY_KEY_META, "g-1/step-3");
    assertThat(request.arguments())
        .containsEntry("idempotencyKey", "g-1/step-3")
        .containsEntry("note", "hi");
  }

  @Test
  void shouldCutAnOutputOverTheSizeLimit() throws Exception {
    McpServerConnection connection =
        new McpServerConnection(
            "test",
            settings(true, null, Map.of()),
            new SecretValues(null, name -> null),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            mapper,
            new OutputLimit(300, mapper),
            changes::incrementAndGet);
    connections.add(connection);
    connection.start();
    assertThat(connection.awaitListed(Duration.ofSeconds(30))).isTrue();

    JsonNode output =
        tool(connection, "test.greet").call(call("{\"name\":\"" + "x".repeat(1000) + "\"}"));

    assertThat(output.get("truncated").asBoolean()).isTrue();
    assertThat(output.get("originalBytes").asInt()).isEqualTo(1017);
    assertThat(output.get("text").asString())
        .startsWith("hello xxx")
        .endsWith("[truncated: 1017 bytes in all]");
    assertThat(mapper.writeValueAsBytes(output).length).isLessThanOrEqualTo(300);
  }

  @Test
  void shouldFollowTheServersToolListChanges() throws Exception {
    McpServerConnection connection = connected(settings(true, null, Map.of()));
    int before = changes.get();

    server.addTool("extra");
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(names(connection)).contains("test.extra"));
    server.removeTool("greet");

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(() -> assertThat(names(connection)).doesNotContain("test.greet"));
    // The list is swapped before the callback runs, on the callback's own thread.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(changes.get()).isGreaterThanOrEqualTo(before + 2));
  }

  @Test
  void shouldRefuseACallWhileTheServerCannotBeReachedAndConnectOnceItIsThere() throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    McpServerConnection connection =
        connection(
            new McpServerSettings(
                Transport.STREAMABLE_HTTP,
                null,
                null,
                null,
                "http://localhost:" + port + "/mcp",
                null,
                true,
                null,
                null,
                null));
    connection.start();
    assertThat(connection.awaitListed(Duration.ofMillis(300))).isFalse();
    assertThat(connection.status().state()).isEqualTo("connecting");

    try (TestMcpServer late = TestMcpServer.startOn(port)) {
      assertThat(late.port()).isEqualTo(port);
      assertThat(connection.awaitListed(Duration.ofSeconds(60))).isTrue();
      assertThat(tool(connection, "test.greet").call(call("{}")).get("text").asString())
          .isEqualTo("hello you");
    }
  }

  @Test
  void shouldSayNothingRanWhenTheServerIsNotThere() throws Exception {
    McpServerConnection connection = connected(settings(true, null, Map.of()));
    Tool greet = tool(connection, "test.greet");
    connection.close();

    assertThatThrownBy(() -> greet.call(call("{}")))
        .isInstanceOf(ToolFailure.class)
        .hasMessage("MCP server 'test' was removed; nothing ran");
  }

  @Test
  void shouldSendTheConfiguredHeadersWithTheirSecretFilledIn() throws Exception {
    McpServerSettings settings =
        new McpServerSettings(
            Transport.STREAMABLE_HTTP,
            null,
            null,
            null,
            server.url(),
            Map.of("X-Check", "${env:CHECK_VALUE}"),
            true,
            null,
            null,
            null);
    McpServerConnection connection =
        new McpServerConnection(
            "test",
            settings,
            new SecretValues(null, name -> name.equals("CHECK_VALUE") ? "s3cret" : null),
            Duration.ofSeconds(10),
            Duration.ofSeconds(10),
            mapper,
            new OutputLimit(64 * 1024, mapper),
            changes::incrementAndGet);
    connections.add(connection);
    connection.start();

    assertThat(connection.awaitListed(Duration.ofSeconds(30))).isTrue();
    assertThat(server.headers("X-Check")).contains("s3cret");
    assertThat(connection.toString()).doesNotContain("s3cret");
  }

  @Test
  void shouldCallOnANewSessionAfterTheServerRestarted() throws Exception {
    McpServerConnection connection =
        connected(settings(true, null, Map.of("greet", new ToolOverrides(null, true, false))));
    Tool greet = tool(connection, "test.greet");
    Tool lookup = tool(connection, "test.lookup");
    assertThat(greet.retrySafe()).isFalse();

    server.restart();
    // Not retry-safe: a ping finds the lost session first, so the call itself runs once.
    assertThat(greet.call(call("{\"name\":\"again\"}")).get("text").asString())
        .isEqualTo("hello again");

    server.restart();
    // Retry-safe: a call cut off with its session is simply made again.
    assertThat(lookup.call(call("{\"id\":\"b-2\"}")).get("id").asString()).isEqualTo("b-2");
  }

  @Test
  void shouldTellACallThatNeverReachedTheServerFromOneThatFailedThere() {
    assertThat(
            McpServerConnection.neverArrived(
                new RuntimeException(
                    new java.util.concurrent.CompletionException(
                        new java.net.ConnectException("Connection refused")))))
        .isTrue();
    assertThat(
            McpServerConnection.neverArrived(
                new RuntimeException(new java.io.IOException("reset"))))
        .isFalse();
  }

  private McpServerSettings settings(
      boolean trusted, String prefix, Map<String, ToolOverrides> overrides) {
    return new McpServerSettings(
        Transport.STREAMABLE_HTTP,
        null,
        null,
        null,
        server.url(),
        null,
        trusted,
        prefix,
        null,
        overrides);
  }

  private McpServerConnection connected(McpServerSettings settings) throws InterruptedException {
    McpServerConnection connection = connection(settings);
    int seen = changes.get();
    connection.start();
    assertThat(connection.awaitListed(Duration.ofSeconds(30))).isTrue();
    // The first listing is told to the callback just after awaitListed returns.
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(changes.get()).isGreaterThan(seen));
    return connection;
  }

  private McpServerConnection connection(McpServerSettings settings) {
    McpServerConnection connection =
        new McpServerConnection(
            "test",
            settings,
            new SecretValues(null, name -> null),
            Duration.ofSeconds(10),
            Duration.ofSeconds(5),
            mapper,
            new OutputLimit(64 * 1024, mapper),
            changes::incrementAndGet);
    connections.add(connection);
    return connection;
  }

  private static Tool tool(McpServerConnection connection, String name) {
    return connection.tools().stream()
        .filter(tool -> tool.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tool " + name + " in " + names(connection)));
  }

  private static List<String> names(McpServerConnection connection) {
    return connection.tools().stream().map(Tool::name).toList();
  }

  private ToolCall call(String arguments) {
    return new ToolCall("g-1/step-3", "g-1", mapper.readTree(arguments));
  }
}
