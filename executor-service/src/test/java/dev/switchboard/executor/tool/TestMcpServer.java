package dev.switchboard.executor.tool;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * A real MCP server over streamable HTTP (the SDK's servlet transport on an embedded Tomcat, on a
 * random port) with tools a test controls: {@code lookup} (read-only, structured), {@code greet}
 * (text), {@code refuse} ({@code isError}), {@code record} (side effect; remembers what it got) and
 * {@code wait} (answers once {@link #release()}d).
 */
public final class TestMcpServer implements AutoCloseable {
  private static final String SCHEMA_WITH_KEY =
      "{\"type\":\"object\",\"properties\":{\"note\":{\"type\":\"string\"},"
          + "\"idempotencyKey\":{\"type\":\"string\"}}}";

  private final Tomcat tomcat;
  private final SwappableServlet servlet = new SwappableServlet();
  private volatile HttpServletStreamableServerTransportProvider transport;
  private volatile McpSyncServer server;
  private final List<CallToolRequest> recorded = new CopyOnWriteArrayList<>();
  private final List<String> headers = new CopyOnWriteArrayList<>();
  private final CountDownLatch waiting = new CountDownLatch(1);
  private final CountDownLatch waitStarted = new CountDownLatch(1);

  private TestMcpServer(int port) throws Exception {
    startMcp();
    tomcat = new Tomcat();
    tomcat.setPort(port);
    String base = Files.createTempDirectory("test-mcp-tomcat").toString();
    tomcat.setBaseDir(base);
    Context context = tomcat.addContext("", base);
    Wrapper wrapper = context.createWrapper();
    wrapper.setName("mcp");
    wrapper.setServlet(servlet);
    wrapper.setLoadOnStartup(1);
    wrapper.setAsyncSupported(true);
    context.addChild(wrapper);
    context.addServletMapping("/*", "mcp");
    FilterDef headersFilter = new FilterDef();
    headersFilter.setFilterName("headers");
    headersFilter.setFilter(
        (request, response, chain) -> {
          HttpServletRequest http = (HttpServletRequest) request;
          for (String name : Collections.list(http.getHeaderNames())) {
            headers.add(name.toLowerCase(Locale.ROOT) + ": " + http.getHeader(name));
          }
          chain.doFilter(request, response);
        });
    context.addFilterDef(headersFilter);
    FilterMap everything = new FilterMap();
    everything.setFilterName("headers");
    everything.addURLPattern("/*");
    context.addFilterMap(everything);
    tomcat.start();
  }

  private void startMcp() {
    transport = HttpServletStreamableServerTransportProvider.builder().mcpEndpoint("/mcp").build();
    server =
        McpServer.sync(transport)
            .serverInfo("test-tools", "1.0")
            .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
            .tools(lookup(), greet(), refuse(), record(), waitForRelease())
            .build();
    servlet.target = transport;
  }

  /** As if the server process restarted: a new MCP server that knows none of the old sessions. */
  public void restart() {
    server.closeGracefully();
    startMcp();
  }

  /** Hands requests to the current MCP transport, so a test can replace it. */
  private static final class SwappableServlet extends HttpServlet {
    volatile HttpServlet target;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws ServletException, IOException {
      target.service(request, response);
    }
  }

  public static TestMcpServer start() throws Exception {
    return new TestMcpServer(0);
  }

  /** On a port chosen before, e.g. to start a server a client already waits for. */
  public static TestMcpServer startOn(int port) throws Exception {
    return new TestMcpServer(port);
  }

  public int port() {
    return tomcat.getConnector().getLocalPort();
  }

  public String url() {
    return "http://localhost:" + port() + "/mcp";
  }

  /** The values of a request header, as received on every request so far. */
  public List<String> headers(String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ": ";
    return headers.stream()
        .filter(line -> line.startsWith(prefix))
        .map(line -> line.substring(prefix.length()))
        .toList();
  }

  /** Every call of {@code record}, as received. */
  public List<CallToolRequest> recorded() {
    return List.copyOf(recorded);
  }

  /** Lets {@code wait} answer. */
  public void release() {
    waiting.countDown();
  }

  public boolean awaitWaitStarted() throws InterruptedException {
    return waitStarted.await(30, TimeUnit.SECONDS);
  }

  /** Adds a tool at run time; the server sends {@code notifications/tools/list_changed}. */
  public void addTool(String name) {
    server.addTool(
        tool(
            name,
            "added later",
            "{\"type\":\"object\"}",
            ToolAnnotations.builder().readOnlyHint(true).build(),
            request -> text("added")));
  }

  public void removeTool(String name) {
    server.removeTool(name);
  }

  private static SyncToolSpecification lookup() {
    return tool(
        "lookup",
        "Looks a thing up",
        "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"string\"}},\"required\":[\"id\"]}",
        ToolAnnotations.builder()
            .readOnlyHint(true)
            .destructiveHint(false)
            .idempotentHint(true)
            .openWorldHint(false)
            .build(),
        request ->
            CallToolResult.builder()
                .structuredContent(Map.of("id", request.arguments().get("id"), "found", true))
                .addTextContent("found " + request.arguments().get("id"))
                .build());
  }

  private static SyncToolSpecification greet() {
    return tool(
        "greet",
        "Says hello",
        "{\"type\":\"object\"}",
        null,
        request -> text("hello " + request.arguments().getOrDefault("name", "you")));
  }

  private static SyncToolSpecification refuse() {
    return tool(
        "refuse",
        "Always refuses",
        "{\"type\":\"object\"}",
        ToolAnnotations.builder().readOnlyHint(true).build(),
        request ->
            CallToolResult.builder()
                .addTextContent("no account named 'Hooli'")
                .isError(true)
                .build());
  }

  private SyncToolSpecification record() {
    return tool(
        "record",
        "Writes a note",
        SCHEMA_WITH_KEY,
        ToolAnnotations.builder()
            .readOnlyHint(false)
            .destructiveHint(false)
            .idempotentHint(true)
            .openWorldHint(false)
            .build(),
        request -> {
          recorded.add(request);
          return text("noted");
        });
  }

  private SyncToolSpecification waitForRelease() {
    return tool(
        "wait",
        "Answers when the test says so",
        "{\"type\":\"object\"}",
        ToolAnnotations.builder().readOnlyHint(true).build(),
        request -> {
          waitStarted.countDown();
          try {
            waiting.await(60, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return text("done waiting");
        });
  }

  private static CallToolResult text(String text) {
    return CallToolResult.builder().addTextContent(text).build();
  }

  private static SyncToolSpecification tool(
      String name,
      String description,
      String schema,
      ToolAnnotations annotations,
      java.util.function.Function<CallToolRequest, CallToolResult> handler) {
    McpSchema.Tool tool =
        McpSchema.Tool.builder(name, McpJsonDefaults.getMapper(), schema)
            .description(description)
            .annotations(annotations)
            .build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler((exchange, request) -> handler.apply(request))
        .build();
  }

  @Override
  public void close() throws LifecycleException {
    release();
    server.closeGracefully();
    tomcat.stop();
    tomcat.destroy();
  }
}
