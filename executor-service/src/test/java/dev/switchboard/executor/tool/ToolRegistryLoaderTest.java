package dev.switchboard.executor.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.executor.tool.config.SecretValues;
import dev.switchboard.executor.tool.config.ToolsFileException;
import dev.switchboard.executor.tool.config.ToolsFileReader;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ToolRegistryLoaderTest {
  private final JsonMapper mapper = new EventCodec().mapper();
  private final Map<String, ToolEntry> catalog = new ConcurrentHashMap<>();
  private final DemoLookupTool lookup = DemoLookupTool.withDemoAccounts(mapper);
  private final ToolRegistry registry = new ToolRegistry(List.of(lookup));
  @TempDir Path dir;
  private Path file;
  private TestMcpServer server;
  private ToolRegistryLoader loader;

  @BeforeEach
  void start() throws Exception {
    server = TestMcpServer.start();
    file = dir.resolve("tools.yml");
  }

  @AfterEach
  void stop() throws Exception {
    if (loader != null) {
      loader.close();
    }
    server.close();
  }

  @Test
  void shouldRunTheBuiltinsHttpToolsAndServerToolsOfTheFile() throws Exception {
    write(serverBlock("test") + httpTool("weather.now"));

    start(file);

    assertThat(registry.names())
        .contains("demo.lookup", "weather.now", "test.lookup", "test.record", "test.wait");
    assertThat(catalog).containsKeys("demo.lookup", "weather.now", "test.lookup");
    assertThat(catalog.get("test.lookup").annotations().readOnlyHint()).isTrue();
    assertThat(catalog.get("test.lookup").server()).isEqualTo("test");
    assertThat(catalog.get("weather.now").server()).isEqualTo("http");
    assertThat(loader.status().ready()).isTrue();
    assertThat(loader.status().sources())
        .extracting(ToolSource.SourceStatus::name, ToolSource.SourceStatus::state)
        .contains(org.assertj.core.groups.Tuple.tuple("test", "up"));
  }

  @Test
  void shouldRunTheBuiltinsOnlyWithoutAFile() throws Exception {
    start(null);

    assertThat(registry.names()).containsExactly("demo.lookup");
    assertThat(catalog).containsOnlyKeys("demo.lookup");
    assertThat(loader.reloadIfChanged()).isFalse();
  }

  @Test
  void shouldRefuseToStartOnABadFile() {
    write("mcp-servers: {x: {transport: carrier-pigeon}}");

    assertThatThrownBy(() -> start(file))
        .isInstanceOf(ToolsFileException.class)
        .hasMessageContaining("mcp-servers.x.transport");
  }

  @Test
  void shouldKeepTheToolsWhenTheChangedFileIsBadAndSayWhy() throws Exception {
    write(serverBlock("test"));
    start(file);
    List<String> before = registry.names();

    write(serverBlock("test") + "  oops: {transport: stdio}\n");

    assertThat(loader.reloadIfChanged()).isFalse();
    assertThat(registry.names()).isEqualTo(before);
    assertThat(loader.status().lastReloadError())
        .startsWith(file + ": mcp-servers.oops: command is required for transport stdio");
    assertThat(new ToolsHealthIndicator(loader).health(true).getDetails())
        .containsEntry("reloadError", loader.status().lastReloadError());

    write(serverBlock("test") + httpTool("weather.now"));

    assertThat(loader.reloadIfChanged()).isTrue();
    assertThat(registry.names()).contains("weather.now");
    assertThat(loader.status().lastReloadError()).isNull();
  }

  @Test
  void shouldKeepTheConnectionOfAServerWhoseSettingsDidNotChange() throws Exception {
    write(serverBlock("test"));
    start(file);
    Tool greet = registry.find("test.greet").orElseThrow();

    write(serverBlock("test") + httpTool("weather.now"));
    loader.reloadIfChanged();

    assertThat(registry.find("test.greet")).containsSame(greet);
    assertThat(greet.call(call("{}")).get("text").asString()).isEqualTo("hello you");
  }

  @Test
  void shouldFinishACallInFlightWhenItsServerLeavesTheFile() throws Exception {
    write(serverBlock("test"));
    start(file);
    Tool waiting = registry.find("test.wait").orElseThrow();
    CompletableFuture<JsonNode> inFlight = new CompletableFuture<>();
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                inFlight.complete(waiting.call(call("{}")));
              } catch (Exception e) {
                inFlight.completeExceptionally(e);
              }
            });
    assertThat(server.awaitWaitStarted()).isTrue();

    write(httpTool("weather.now"));
    assertThat(loader.reloadIfChanged()).isTrue();

    assertThat(registry.names()).doesNotContain("test.wait", "test.greet");
    assertThat(catalog).doesNotContainKeys("test.wait", "test.greet").containsKey("weather.now");
    server.release();
    assertThat(inFlight.get(30, TimeUnit.SECONDS).get("text").asString()).isEqualTo("done waiting");
    assertThatThrownBy(() -> waiting.call(call("{}")))
        .isInstanceOf(ToolFailure.class)
        .hasMessage("MCP server 'test' was removed; nothing ran");
  }

  @Test
  void shouldLeaveAToolNameToTheServerListedFirst() throws Exception {
    write(
        serverBlock("first", "\"\"") + serverBlock("second", "\"\"").replace("mcp-servers:\n", ""));

    start(file);

    assertThat(registry.find("greet").orElseThrow().server()).isEqualTo("first");
    assertThat(loader.status().conflicts()).contains("greet (second leaves it to first)");
  }

  @Test
  void shouldBeUnreadyUntilAServerAnswersAndThenTakeItsTools() throws Exception {
    int port;
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    write(
        "mcp-servers:\n  late:\n    transport: streamable-http\n    url: http://localhost:"
            + port
            + "/mcp\n    trusted: true\n");
    start(file, Duration.ofSeconds(1));
    assertThat(loader.status().ready()).isFalse();
    assertThat(new ToolsHealthIndicator(loader).health(true).getStatus().getCode())
        .isEqualTo("DOWN");

    try (TestMcpServer late = TestMcpServer.startOn(port)) {
      assertThat(late.port()).isEqualTo(port);
      await().atMost(Duration.ofSeconds(60)).until(() -> loader.status().ready());
      assertThat(registry.find("late.greet")).isPresent();
      assertThat(catalog).containsKey("late.greet");
    }
  }

  private void start(Path tools) throws InterruptedException {
    start(tools, Duration.ofSeconds(10));
  }

  private void start(Path tools, Duration connectTimeout) throws InterruptedException {
    SecretValues secrets = new SecretValues(dir, name -> null);
    ToolCatalogSync sync =
        new ToolCatalogSync(
            new ToolCatalogSync.Sink() {
              @Override
              public void publish(ToolEntry entry) {
                catalog.put(entry.name(), entry);
              }

              @Override
              public void remove(String name) {
                catalog.remove(name);
              }
            },
            Clock.systemUTC());
    loader =
        new ToolRegistryLoader(
            registry,
            new ToolsFileReader(Set.of("demo.lookup"), secrets),
            tools,
            List.of(lookup),
            sync,
            new ToolRuntime(
                secrets,
                Duration.ofSeconds(10),
                connectTimeout,
                mapper,
                new OutputLimit(64 * 1024, mapper),
                HttpClient.newHttpClient()),
            Clock.systemUTC());
    loader.start();
  }

  private String serverBlock(String name) {
    return serverBlock(name, null);
  }

  private String serverBlock(String name, String prefix) {
    return "mcp-servers:\n  "
        + name
        + ":\n    transport: streamable-http\n    url: "
        + server.url()
        + "\n    trusted: true\n"
        + (prefix == null ? "" : "    tool-prefix: " + prefix + "\n");
  }

  private static String httpTool(String name) {
    return "http-tools:\n  " + name + ":\n    url: http://localhost:1/weather?city={city}\n";
  }

  private void write(String yaml) {
    try {
      Files.writeString(file, yaml);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private ToolCall call(String arguments) {
    return new ToolCall("g-1/step-1", "g-1", mapper.readTree(arguments));
  }
}
