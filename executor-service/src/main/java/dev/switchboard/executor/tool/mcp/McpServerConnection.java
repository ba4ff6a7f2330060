package dev.switchboard.executor.tool.mcp;

import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.contracts.catalog.ToolEntry.Annotations;
import dev.switchboard.executor.tool.OutputLimit;
import dev.switchboard.executor.tool.Tool;
import dev.switchboard.executor.tool.ToolDescriptor;
import dev.switchboard.executor.tool.ToolFailure;
import dev.switchboard.executor.tool.ToolSource;
import dev.switchboard.executor.tool.config.McpServerSettings;
import dev.switchboard.executor.tool.config.McpServerSettings.Transport;
import dev.switchboard.executor.tool.config.SecretValues;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpTransportSessionNotFoundException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;
import tools.jackson.databind.json.JsonMapper;

/**
 * The executor's side of one MCP server: an SDK client over stdio (a child process it starts,
 * watches and starts again with backoff when it ends) or streamable HTTP (the SDK re-initializes
 * when the server forgets the session). Connects in the background with backoff until the server
 * answers, lists its tools, and follows {@code notifications/tools/list_changed}.
 */
public final class McpServerConnection implements ToolSource {
  private static final Logger log = LoggerFactory.getLogger(McpServerConnection.class);
  private static final Duration FIRST_RETRY = Duration.ofMillis(250);
  private static final Duration LAST_RETRY = Duration.ofSeconds(30);
  private static final McpSchema.Implementation CLIENT_INFO =
      McpSchema.Implementation.builder("switchboard-executor", "0.1.0")
          .title("Switchboard executor")
          .build();

  private final String server;
  private final McpServerSettings settings;
  private final SecretValues secrets;
  private final Duration requestTimeout;
  private final Duration connectTimeout;
  private final JsonMapper mapper;
  private final OutputLimit limit;
  private final Runnable toolsChanged;
  private final Function<String, String> environment;

  private final Object lock = new Object();
  private final CountDownLatch firstListing = new CountDownLatch(1);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger restarts = new AtomicInteger();
  private volatile McpSyncClient client;
  private volatile List<Tool> tools = List.of();
  private volatile String lastError;
  private volatile boolean retired;
  private volatile boolean closed;
  private Disposable connecting;

  /**
   * @param toolsChanged called (on a thread of its own) whenever the server's tool list changed
   */
  public McpServerConnection(
      String server,
      McpServerSettings settings,
      SecretValues secrets,
      Duration defaultTimeout,
      Duration connectTimeout,
      JsonMapper mapper,
      OutputLimit limit,
      Runnable toolsChanged) {
    this(
        server,
        settings,
        secrets,
        defaultTimeout,
        connectTimeout,
        mapper,
        limit,
        toolsChanged,
        System::getenv);
  }

  McpServerConnection(
      String server,
      McpServerSettings settings,
      SecretValues secrets,
      Duration defaultTimeout,
      Duration connectTimeout,
      JsonMapper mapper,
      OutputLimit limit,
      Runnable toolsChanged,
      Function<String, String> environment) {
    this.server = server;
    this.settings = settings;
    this.secrets = secrets;
    this.requestTimeout = settings.timeoutOr(defaultTimeout);
    this.connectTimeout = connectTimeout;
    this.mapper = mapper;
    this.limit = limit;
    this.toolsChanged = toolsChanged;
    this.environment = environment;
  }

  public McpServerSettings settings() {
    return settings;
  }

  @Override
  public String name() {
    return server;
  }

  @Override
  public List<Tool> tools() {
    return tools;
  }

  @Override
  public boolean listed() {
    return firstListing.getCount() == 0;
  }

  /** Waits until the server listed its tools once, at most the timeout. */
  public boolean awaitListed(Duration timeout) throws InterruptedException {
    return firstListing.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Whether a client is connected right now. */
  public boolean up() {
    return client != null;
  }

  /** How often the server had to be connected again after it went away. */
  public int restarts() {
    return restarts.get();
  }

  @Override
  public SourceStatus status() {
    String state = closed ? "down" : client != null ? "up" : "connecting";
    return new SourceStatus(
        server, kind(), state, tools.size(), restarts.get(), closed ? null : lastError);
  }

  private String kind() {
    return settings.transport() == Transport.STDIO ? "stdio" : "streamable-http";
  }

  /** Starts connecting in the background. */
  public void start() {
    connectInBackground();
  }

  private void connectInBackground() {
    synchronized (lock) {
      if (closed || client != null || connecting != null && !connecting.isDisposed()) {
        return;
      }
      connecting =
          Mono.fromRunnable(this::connect)
              .subscribeOn(Schedulers.boundedElastic())
              .retryWhen(
                  Retry.backoff(Long.MAX_VALUE, FIRST_RETRY)
                      .maxBackoff(LAST_RETRY)
                      .filter(e -> !closed))
              .subscribe(null, e -> log.debug("stopped connecting to MCP server {}", server, e));
    }
  }

  /** Connects, initializes and lists the tools, unless a client is up already. */
  private void connect() {
    McpSyncClient connected;
    synchronized (lock) {
      if (client != null) {
        return;
      }
      if (closed) {
        throw new IllegalStateException("MCP server " + server + " was removed");
      }
      McpClientTransport transport;
      try {
        transport = transport();
      } catch (RuntimeException e) {
        lastError = describe(e);
        log.warn("MCP server {} ({}) cannot be set up: {}", server, kind(), lastError);
        throw e;
      }
      connected =
          McpClient.sync(transport)
              .requestTimeout(requestTimeout)
              .initializationTimeout(connectTimeout)
              .clientInfo(CLIENT_INFO)
              .toolsChangeConsumer(
                  listed ->
                      Thread.ofVirtual().name("mcp-" + server + "-tools").start(() -> list(listed)))
              .build();
      try {
        McpSchema.InitializeResult initialized = connected.initialize();
        List<McpSchema.Tool> listed =
            initialized.capabilities() == null || initialized.capabilities().tools() == null
                ? List.of()
                : connected.listTools().tools();
        tools = toTools(listed);
        client = connected;
        lastError = null;
      } catch (RuntimeException e) {
        lastError = describe(e);
        log.warn("MCP server {} ({}) does not answer: {}", server, kind(), lastError);
        connected.close();
        throw e;
      }
      if (transport instanceof ChildProcessTransport child) {
        watchForExit(child, connected);
      }
    }
    log.info("MCP server {} ({}) is up with tools {}", server, kind(), names(tools));
    firstListing.countDown();
    toolsChanged.run();
  }

  private void list(List<McpSchema.Tool> listed) {
    if (closed) {
      return;
    }
    tools = toTools(listed);
    log.info("MCP server {} changed its tools: now {}", server, names(tools));
    toolsChanged.run();
  }

  /** A child that ends (crash, kill) is started again, with backoff if it keeps ending. */
  private void watchForExit(ChildProcessTransport child, McpSyncClient connected) {
    Thread.ofVirtual()
        .name("mcp-" + server + "-process")
        .start(
            () -> {
              try {
                child.awaitForExit();
              } catch (RuntimeException e) {
                return;
              }
              synchronized (lock) {
                if (client != connected) {
                  return;
                }
                client = null;
              }
              connected.close();
              if (!closed) {
                restarts.incrementAndGet();
                lastError = "the server process ended";
                log.warn("MCP server {} ended; starting it again", server);
                connectInBackground();
              }
            });
  }

  /**
   * Calls a tool of this server; connects first when it is not connected. A call that did not reach
   * the server (no connection, or a restarted server that answered 404 to the old session) ran
   * nowhere: it connects anew and calls once more. A call that must not run twice is preceded by a
   * ping, so a session the server forgot is found out before the call, not by it.
   *
   * @param retrySafe the tool may run twice: a call cut off with its session is made again
   * @throws ToolFailure when the server cannot be reached at all, so nothing ran
   */
  CallToolResult call(CallToolRequest request, boolean retrySafe) throws ToolFailure {
    inFlight.incrementAndGet();
    try {
      McpSyncClient current = clientOrConnect();
      if (!retrySafe) {
        current = checked(current);
      }
      try {
        return current.callTool(request);
      } catch (RuntimeException e) {
        if (!neverArrived(e) && !sessionForgotten(e) && !(retrySafe && sessionEnded(e))) {
          throw failed(e);
        }
        log.info("MCP server {} did not take the call ({}): connecting anew", server, describe(e));
        drop(current);
      }
      current = clientOrConnect();
      try {
        return current.callTool(request);
      } catch (RuntimeException e) {
        if (neverArrived(e) || sessionForgotten(e)) {
          drop(current);
          connectInBackground();
          throw unreachable(e);
        }
        throw failed(e);
      }
    } finally {
      if (inFlight.decrementAndGet() == 0 && retired) {
        close();
      }
    }
  }

  /** The client if it still has its session (a ping answers), else a newly connected one. */
  private McpSyncClient checked(McpSyncClient current) throws ToolFailure {
    try {
      current.ping();
      return current;
    } catch (RuntimeException e) {
      log.info("MCP server {} did not answer a ping ({}): connecting anew", server, describe(e));
      drop(current);
      return clientOrConnect();
    }
  }

  private McpSyncClient clientOrConnect() throws ToolFailure {
    McpSyncClient current = client;
    if (current != null) {
      return current;
    }
    if (closed) {
      throw new ToolFailure("MCP server '" + server + "' was removed; nothing ran");
    }
    try {
      connect();
    } catch (RuntimeException e) {
      connectInBackground();
      throw unreachable(e);
    }
    current = client;
    if (current == null) {
      throw new ToolFailure("MCP server '" + server + "' went away; nothing ran");
    }
    return current;
  }

  /** Lets a client go that no longer works; the next call connects a new one. */
  private void drop(McpSyncClient broken) {
    synchronized (lock) {
      if (client != broken) {
        return;
      }
      client = null;
    }
    // Later, not now: the SDK may still be re-initializing it in the background, and closing it
    // under that attempt only produces an error nobody handles.
    CompletableFuture.delayedExecutor(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
        .execute(broken::closeGracefully);
  }

  private ToolFailure unreachable(RuntimeException e) {
    return new ToolFailure(
        "MCP server '" + server + "' is not reachable (" + describe(e) + "); nothing ran");
  }

  @Override
  public void retire() {
    retired = true;
    if (inFlight.get() == 0) {
      close();
    }
  }

  /** Stops now: closes the client (a stdio server's process ends) and stops reconnecting. */
  public void close() {
    McpSyncClient current;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      if (connecting != null) {
        connecting.dispose();
      }
      current = client;
      client = null;
    }
    if (current != null) {
      current.closeGracefully();
    }
    log.info("MCP server {} disconnected", server);
  }

  private McpClientTransport transport() {
    McpJsonMapper json = McpJsonDefaults.getMapper();
    if (settings.transport() == Transport.STDIO) {
      Map<String, String> env = new LinkedHashMap<>();
      settings.env().forEach((key, value) -> env.put(key, secrets.resolve(value)));
      ChildProcessTransport child =
          new ChildProcessTransport(
              ServerParameters.builder(settings.command()).args(settings.args()).env(env).build(),
              json,
              currentEnvironment());
      child.setStdErrorHandler(line -> log.info("[{} stderr] {}", server, line));
      return child;
    }
    URI url = URI.create(secrets.resolve(settings.url()));
    String base = url.getScheme() + "://" + url.getRawAuthority();
    String endpoint = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
    return HttpClientStreamableHttpTransport.builder(base)
        .endpoint(endpoint.isEmpty() ? "/" : endpoint)
        .jsonMapper(json)
        .connectTimeout(connectTimeout)
        // Resolved per request, so a rotated secret file counts from the next request on.
        .addHttpRequestCustomizer(
            (builder, method, uri, body, context) ->
                settings
                    .headers()
                    .forEach((key, value) -> builder.header(key, secrets.resolve(value))))
        .build();
  }

  private Map<String, String> currentEnvironment() {
    Map<String, String> current = new LinkedHashMap<>();
    for (String name : ChildProcessTransport.PASSED_ON) {
      String value = environment.apply(name);
      if (value != null) {
        current.put(name, value);
      }
    }
    return current;
  }

  private List<Tool> toTools(List<McpSchema.Tool> listed) {
    List<Tool> result = new ArrayList<>();
    for (McpSchema.Tool tool : listed == null ? List.<McpSchema.Tool>of() : listed) {
      String name = settings.toolName(server, tool.name());
      if (!ToolEntry.NAME.matcher(name).matches()) {
        log.warn(
            "MCP server {}: leaving out tool '{}', its name cannot be a tool name", server, name);
        continue;
      }
      McpSchema.ToolAnnotations hints = tool.annotations();
      Annotations annotations =
          settings
              .overridesFor(tool.name())
              .apply(
                  hints == null ? null : hints.readOnlyHint(),
                  hints == null ? null : hints.destructiveHint(),
                  hints == null ? null : hints.idempotentHint(),
                  hints == null ? null : hints.openWorldHint(),
                  settings.isTrusted());
      ToolDescriptor descriptor =
          new ToolDescriptor(
              name,
              tool.description() != null ? tool.description() : tool.title(),
              tool.inputSchema() == null ? null : mapper.valueToTree(tool.inputSchema()),
              annotations,
              settings.isTrusted(),
              server);
      result.add(new McpTool(this, tool.name(), descriptor, mapper, limit));
    }
    return List.copyOf(result);
  }

  private static List<String> names(List<Tool> tools) {
    return tools.stream().map(Tool::name).toList();
  }

  private IllegalStateException failed(RuntimeException e) {
    return new IllegalStateException(
        "MCP server '" + server + "' failed the call: " + describe(e), e);
  }

  /**
   * The SDK ended the session under a running request ("MCP session with server terminated"), e.g.
   * after another request's 404: the request may or may not have run.
   */
  static boolean sessionEnded(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause.getMessage() != null
          && cause.getMessage().contains("session with server terminated")) {
        return true;
      }
    }
    return false;
  }

  static boolean sessionForgotten(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof McpTransportSessionNotFoundException) {
        return true;
      }
    }
    return false;
  }

  /** The request never reached the server (no connection): nothing can have happened. */
  static boolean neverArrived(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof java.net.ConnectException
          || cause instanceof java.net.http.HttpConnectTimeoutException) {
        return true;
      }
    }
    return false;
  }

  /** The innermost message: the SDK wraps what went wrong several times. */
  static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }

  @Override
  public String toString() {
    return "McpServerConnection[" + server + ", " + kind() + "]";
  }
}
