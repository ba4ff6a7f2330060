package dev.switchboard.executor.tool.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.executor.tool.ToolOverrides;
import dev.switchboard.executor.tool.config.McpServerSettings.Transport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ToolsFileReaderTest {
  private static final String FULL =
      """
      builtins: [demo.lookup]
      mcp-servers:
        sales:
          transport: streamable-http
          url: http://localhost:8086/mcp
          headers:
            Authorization: "Bearer ${secret:sales-token}"
          trusted: true
          tool-prefix: ""
          timeout: 5s
          tools:
            crm.log_activity: { idempotent: true }
            email.draft: { read-only: true }
        everything:
          transport: stdio
          command: mcp-server-everything
          args: [stdio]
          env:
            LOG_LEVEL: "${env:LEVEL}"
      http-tools:
        weather.current:
          description: The weather in a city
          url: "https://weather.example/now?city={city}"
          headers: { X-Key: "${env:WEATHER_KEY}" }
          read-only: true
        tickets.open:
          method: post
          url: https://tickets.example/api/tickets
          body: { title: "{title}", priority: "{priority}" }
          timeout: 500ms
      """;

  @TempDir Path dir;

  private ToolsFileReader reader;

  @BeforeEach
  void secrets() throws Exception {
    Files.writeString(dir.resolve("sales-token"), "t");
    reader =
        new ToolsFileReader(
            Set.of("demo.lookup", "demo.send"),
            new SecretValues(dir, Map.of("LEVEL", "debug", "WEATHER_KEY", "k")::get));
  }

  @Test
  void shouldReadServersToolsAndBuiltins() throws Exception {
    Path file = dir.resolve("tools.yml");
    Files.writeString(file, FULL);

    ToolsFile tools = reader.read(file);

    assertThat(tools.builtins()).containsExactly("demo.lookup");
    assertThat(tools.mcpServers()).containsOnlyKeys("sales", "everything");
    assertThat(tools.mcpServers().keySet()).containsExactly("sales", "everything");
    McpServerSettings sales = tools.mcpServers().get("sales");
    assertThat(sales.transport()).isEqualTo(Transport.STREAMABLE_HTTP);
    assertThat(sales.isTrusted()).isTrue();
    assertThat(sales.toolName("sales", "crm.lookup_account")).isEqualTo("crm.lookup_account");
    assertThat(sales.overridesFor("crm.log_activity"))
        .isEqualTo(new ToolOverrides(null, null, true));
    assertThat(sales.overridesFor("email.send")).isEqualTo(ToolOverrides.NONE);
    assertThat(sales.timeoutOr(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(5));
    assertThat(sales.headers()).containsEntry("Authorization", "Bearer ${secret:sales-token}");
    McpServerSettings everything = tools.mcpServers().get("everything");
    assertThat(everything.transport()).isEqualTo(Transport.STDIO);
    assertThat(everything.args()).containsExactly("stdio");
    assertThat(everything.isTrusted()).isFalse();
    assertThat(everything.toolName("everything", "echo")).isEqualTo("everything.echo");
    assertThat(everything.timeoutOr(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    HttpToolSettings tickets = tools.httpTools().get("tickets.open");
    assertThat(tickets.method()).isEqualTo("POST");
    assertThat(tickets.body().get("title").asString()).isEqualTo("{title}");
    assertThat(tickets.timeoutOr(null)).isEqualTo(Duration.ofMillis(500));
    assertThat(tools.httpTools().get("weather.current").overrides())
        .isEqualTo(new ToolOverrides(true, null, null));
  }

  @Test
  void shouldTakeAnEmptyFileAsTheBuiltinsOnly() {
    ToolsFile tools = reader.parse("# nothing yet\n");

    assertThat(tools.builtins()).isNull();
    assertThat(tools.mcpServers()).isEmpty();
    assertThat(tools.httpTools()).isEmpty();
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          mcp-servers: {crm: {transport: stdio, command: x, urll: y}}     | mcp-servers.crm.urll: Unrecognized property "urll"
          mcp-servers: {crm: {transport: sse, url: http://x}}             | mcp-servers.crm.transport: Cannot deserialize value of type
          mcp-servers: {crm: {url: http://x}}                             | mcp-servers.crm: transport is required (stdio or streamable-http)
          mcp-servers: {crm: {transport: stdio}}                          | mcp-servers.crm: command is required for transport stdio
          mcp-servers: {crm: {transport: streamable-http}}                | mcp-servers.crm: url is required for transport streamable-http
          mcp-servers: {crm: {transport: streamable-http, url: ftp://x}}  | mcp-servers.crm.url: an http:// or https:// URL with a host is required
          mcp-servers: {crm: {transport: stdio, command: x, url: http://y}} | mcp-servers.crm: url and headers are for streamable-http only
          mcp-servers: {crm: {transport: streamable-http, url: 'http://x', args: [a]}} | mcp-servers.crm: command, args and env are for stdio only
          mcp-servers: {'a b': {transport: stdio, command: x}}            | mcp-servers.a b: a server name is 1 to 64 letters, digits, '_' or '-'
          mcp-servers: {crm: {transport: stdio, command: x, tool-prefix: 'a/'}} | mcp-servers.crm.tool-prefix: only letters, digits
          mcp-servers: {crm: {transport: stdio, command: x, timeout: soon}} | mcp-servers.crm: timeout is no duration (like 30s or 500ms): soon
          mcp-servers: {crm: {transport: stdio, command: x, env: {K: '${env:NOPE}'}}} | mcp-servers.crm.env.K: ${env:NOPE}: the environment variable is not set
          mcp-servers: {crm: {transport: stdio, command: x, tools: {t: {read-only: true, side-effect: true}}}} | mcp-servers.crm.tools.t: read-only: true contradicts side-effect: true
          builtins: [demo.teleport]                                       | builtins: no built-in tool 'demo.teleport' (there are [demo.lookup, demo.send])
          http-tools: {demo.send: {url: 'http://x'}}                      | http-tools.demo.send: the name is taken by a built-in tool
          http-tools: {t: {method: TRACE, url: 'http://x'}}               | http-tools.t.method: one of [DELETE, GET, PATCH, POST, PUT], not TRACE
          http-tools: {t: {method: GET}}                                  | http-tools.t: url is required
          http-tools: {t: {url: 'http://x', headers: {K: '${env:NOPE}'}}} | http-tools.t.headers.K: ${env:NOPE}: the environment variable is not set
          http-tools: {t: {url: 'http://x', read-only: yes-please}}       | http-tools.t.read-only: Cannot deserialize value of type
          'servers: [1'                                                   | while parsing a flow sequence (line 1)
          """)
  void shouldSayWhereAndWhatIsWrong(String yaml, String message) {
    assertThatThrownBy(() -> reader.parse(yaml))
        .isInstanceOf(ToolsFileException.class)
        .hasMessageContaining(message);
  }

  @Test
  void shouldNameTheFileItCannotUse() throws Exception {
    Path file = dir.resolve("tools.yml");
    Files.writeString(file, "builtins: [nope]\n");

    assertThatThrownBy(() -> reader.read(file)).hasMessageStartingWith(file + ": builtins:");
    assertThatThrownBy(() -> reader.read(dir.resolve("missing.yml")))
        .hasMessageStartingWith("cannot read the tool file " + dir.resolve("missing.yml"));
  }

  @Test
  void shouldKeepTheOrderOfTheServers() {
    ToolsFile tools =
        reader.parse(
            "mcp-servers:\n  z: {transport: stdio, command: a}\n  a: {transport: stdio, command: b}\n");

    assertThat(List.copyOf(tools.mcpServers().keySet())).containsExactly("z", "a");
  }
}
