package dev.switchboard.executor.tool.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.catalog.ToolEntry.Annotations;
import dev.switchboard.executor.tool.OutputLimit;
import dev.switchboard.executor.tool.Tool;
import dev.switchboard.executor.tool.ToolCall;
import dev.switchboard.executor.tool.ToolFailure;
import dev.switchboard.executor.tool.config.McpServerSettings;
import dev.switchboard.executor.tool.config.McpServerSettings.Transport;
import dev.switchboard.executor.tool.config.SecretValues;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The executor's stdio client against the MCP reference server {@code
 * @modelcontextprotocol/server-everything} (npm; {@code .ci/run} installs it), started as a child
 * process the executor supervises. Skips, saying why, where Node or the server is missing.
 */
class ReferenceServerStdioTest {
  static final String COMMAND = "mcp-server-everything";

  private final JsonMapper mapper = new EventCodec().mapper();
  private McpServerConnection connection;

  @BeforeEach
  void connect() throws Exception {
    assumeTrue(
        onPath("node") && onPath(COMMAND),
        "Node.js and "
            + COMMAND
            + " are needed: npm install -g @modelcontextprotocol/server-everything");
    connection =
        new McpServerConnection(
            "everything",
            new McpServerSettings(
                Transport.STDIO,
                COMMAND,
                List.of("stdio"),
                Map.of("SWITCHBOARD_TEST_MARKER", "${env:MARKER}"),
                null,
                null,
                true,
                null,
                "2s",
                null),
            new SecretValues(null, name -> name.equals("MARKER") ? "marked" : null),
            Duration.ofSeconds(30),
            Duration.ofSeconds(30),
            mapper,
            new OutputLimit(64 * 1024, mapper),
            () -> {});
    connection.start();
    assertThat(connection.awaitListed(Duration.ofSeconds(60))).as("tools listed").isTrue();
  }

  @AfterEach
  void close() {
    if (connection != null) {
      connection.close();
    }
  }

  @Test
  void shouldListTheReferenceToolsWithTheirAnnotations() {
    Tool echo = tool("everything.echo");
    assertThat(echo.descriptor().annotations())
        .isEqualTo(new Annotations(true, false, true, false));
    assertThat(echo.descriptor().description()).isNotBlank();
    assertThat(echo.descriptor().inputSchema().path("properties").has("message")).isTrue();
    assertThat(echo.sideEffect()).isFalse();
    Tool toggle = tool("everything.toggle-simulated-logging");
    assertThat(toggle.sideEffect()).isTrue();
    assertThat(toggle.retrySafe()).isFalse();
    assertThat(toggle.descriptor().annotations().destructiveHint()).isFalse();
    assertThat(connection.tools()).extracting(Tool::name).contains("everything.get-sum");
  }

  @Test
  void shouldCallAToolThatSucceeds() throws Exception {
    JsonNode echoed = tool("everything.echo").call(call("{\"message\":\"hello switchboard\"}"));
    JsonNode structured =
        tool("everything.get-structured-content").call(call("{\"location\":\"Chicago\"}"));

    assertThat(echoed.toString()).isEqualTo("{\"text\":\"Echo: hello switchboard\"}");
    assertThat(structured.has("temperature")).isTrue();
    assertThat(structured.has("conditions")).isTrue();
  }

  @Test
  void shouldRefuseWithTheToolsMessageWhenTheResultIsAnError() {
    assertThatThrownBy(() -> tool("everything.get-sum").call(call("{\"a\":\"one\",\"b\":2}")))
        .isInstanceOf(ToolFailure.class)
        .hasMessageContaining("Invalid arguments for tool get-sum");
  }

  @Test
  void shouldGiveUpOnACallSlowerThanItsTimeoutAndStayUsable() throws Exception {
    Tool slow = tool("everything.trigger-long-running-operation");

    assertThatThrownBy(() -> slow.call(call("{\"duration\":6,\"steps\":2}")))
        .isNotInstanceOf(ToolFailure.class)
        .hasStackTraceContaining("Timeout");
    assertThat(tool("everything.echo").call(call("{\"message\":\"still here\"}")).toString())
        .contains("still here");
  }

  @Test
  void shouldStartTheServerAgainAfterItsProcessWasKilled() throws Exception {
    ProcessHandle child = serverProcess();
    child.destroyForcibly();
    assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();

    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> connection.restarts() == 1 && connection.up());
    assertThat(serverProcess().pid()).isNotEqualTo(child.pid());
    assertThat(tool("everything.echo").call(call("{\"message\":\"back\"}")).toString())
        .isEqualTo("{\"text\":\"Echo: back\"}");
  }

  @Test
  void shouldGiveTheChildItsOwnEnvironmentNotTheExecutors() throws Exception {
    JsonNode env = tool("everything.get-env").call(call("{}"));

    assertThat(env.toString())
        .contains("SWITCHBOARD_TEST_MARKER")
        .contains("marked")
        .doesNotContain("JAVA_HOME")
        .doesNotContain("MAVEN");
  }

  private ProcessHandle serverProcess() {
    return ProcessHandle.current()
        .descendants()
        .filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains(COMMAND))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + COMMAND + " process"));
  }

  private Tool tool(String name) {
    return connection.tools().stream()
        .filter(tool -> tool.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no tool " + name));
  }

  private ToolCall call(String arguments) {
    return new ToolCall("g-1/step-1", "g-1", mapper.readTree(arguments));
  }

  static boolean onPath(String program) {
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }
}
