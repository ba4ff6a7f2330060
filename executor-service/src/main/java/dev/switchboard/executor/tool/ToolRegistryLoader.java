package dev.switchboard.executor.tool;

import dev.switchboard.executor.tool.config.HttpToolSettings;
import dev.switchboard.executor.tool.config.McpServerSettings;
import dev.switchboard.executor.tool.config.ToolsFile;
import dev.switchboard.executor.tool.config.ToolsFileException;
import dev.switchboard.executor.tool.config.ToolsFileReader;
import dev.switchboard.executor.tool.http.HttpTool;
import dev.switchboard.executor.tool.mcp.McpServerConnection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the registry from the tool file and keeps it current: a changed file is read again (a bad
 * one is refused with the reason and the tools stay as they were), a server's new tool list is
 * taken in, and the {@code tools} catalog follows. Servers whose settings did not change keep their
 * connection; a removed or changed one is let go after the calls running on it end.
 */
public final class ToolRegistryLoader implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ToolRegistryLoader.class);

  private final ToolRegistry registry;
  private final ToolsFileReader reader;
  private final Path file;
  private final Map<String, Tool> builtins;
  private final ToolCatalogSync catalog;
  private final ToolRuntime runtime;
  private final Clock clock;

  private Map<String, McpServerConnection> servers = new LinkedHashMap<>();
  private List<ToolSource> sources = List.of();
  private byte[] appliedHash;
  private byte[] seenHash;
  private volatile String lastReloadError;
  private volatile Instant loadedAt;
  private volatile List<String> conflicts = List.of();
  private ScheduledExecutorService watcher;

  /**
   * @param file the tool file, or null for the built-ins only
   */
  public ToolRegistryLoader(
      ToolRegistry registry,
      ToolsFileReader reader,
      Path file,
      List<? extends Tool> builtins,
      ToolCatalogSync catalog,
      ToolRuntime runtime,
      Clock clock) {
    this.registry = registry;
    this.reader = reader;
    this.file = file;
    Map<String, Tool> byName = new LinkedHashMap<>();
    builtins.forEach(tool -> byName.put(tool.name(), tool));
    this.builtins = byName;
    this.catalog = catalog;
    this.runtime = runtime;
    this.clock = clock;
    registry.waitForPending(new PendingServers(), runtime.connectTimeout());
  }

  /**
   * Reads the file and connects its servers, waiting up to the connect timeout for their tools.
   *
   * @throws ToolsFileException when the file cannot be used: the executor must not start on it
   */
  public void start() throws InterruptedException {
    if (file == null) {
      apply(ToolsFile.builtinsOnly());
    } else {
      byte[] content = read();
      ToolsFile parsed = reader.read(file);
      seenHash = appliedHash = hash(content);
      apply(parsed);
    }
    new PendingServers().await(runtime.connectTimeout());
    rebuild();
  }

  public ToolCatalogSync catalog() {
    return catalog;
  }

  /** Checks the file every interval from now on. */
  public void watch(Duration interval) {
    watcher =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("tool-file-watcher").factory());
    watcher.scheduleWithFixedDelay(
        this::reloadIfChanged, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Reads the file again when its content changed.
   *
   * @return true when a new registry was applied
   */
  public boolean reloadIfChanged() {
    try {
      if (catalog.behind()) {
        rebuild();
      }
      if (file == null) {
        return false;
      }
      byte[] content;
      try {
        content = read();
      } catch (ToolsFileException e) {
        refuse(e.getMessage(), null);
        return false;
      }
      byte[] hash = hash(content);
      if (Arrays.equals(hash, seenHash)) {
        return false;
      }
      seenHash = hash;
      ToolsFile parsed;
      try {
        parsed = reader.parse(new String(content, java.nio.charset.StandardCharsets.UTF_8));
      } catch (ToolsFileException e) {
        refuse(file + ": " + e.getMessage(), hash);
        return false;
      }
      appliedHash = hash;
      lastReloadError = null;
      log.info("tool file {} changed: reloading", file);
      apply(parsed);
      return true;
    } catch (RuntimeException e) {
      log.error("checking the tool file {} failed", file, e);
      return false;
    }
  }

  private void refuse(String reason, byte[] hash) {
    if (hash == null || !Arrays.equals(hash, appliedHash)) {
      lastReloadError = reason;
      log.error("tool file not reloaded, the tools stay as they were: {}", reason);
    }
  }

  private byte[] read() {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ToolsFileException("cannot read the tool file " + file + ": " + e);
    }
  }

  private synchronized void apply(ToolsFile parsed) {
    Map<String, McpServerConnection> next = new LinkedHashMap<>();
    List<McpServerConnection> started = new ArrayList<>();
    parsed
        .mcpServers()
        .forEach(
            (name, settings) -> {
              McpServerConnection kept = servers.get(name);
              if (kept != null && kept.settings().equals(settings)) {
                next.put(name, kept);
              } else {
                McpServerConnection connection = connect(name, settings);
                next.put(name, connection);
                started.add(connection);
              }
            });
    servers.forEach(
        (name, old) -> {
          if (next.get(name) != old) {
            log.info("MCP server {} left the tool file or changed: letting it go", name);
            old.retire();
          }
        });
    servers = next;
    List<Tool> http = new ArrayList<>();
    parsed.httpTools().forEach((name, settings) -> http.add(httpTool(name, settings)));
    List<Tool> kept =
        parsed.builtins() == null
            ? List.copyOf(builtins.values())
            : parsed.builtins().stream().map(builtins::get).toList();
    List<ToolSource> all = new ArrayList<>();
    all.add(ToolSource.fixed("builtin", kept));
    all.add(ToolSource.fixed("http", http));
    all.addAll(next.values());
    sources = List.copyOf(all);
    loadedAt = clock.instant();
    started.forEach(McpServerConnection::start);
    rebuild();
  }

  private McpServerConnection connect(String name, McpServerSettings settings) {
    return new McpServerConnection(
        name,
        settings,
        runtime.secrets(),
        runtime.toolTimeout(),
        runtime.connectTimeout(),
        runtime.mapper(),
        runtime.limit(),
        this::rebuild);
  }

  private Tool httpTool(String name, HttpToolSettings settings) {
    return new HttpTool(
        name,
        settings,
        runtime.secrets(),
        runtime.http(),
        runtime.toolTimeout(),
        runtime.mapper(),
        runtime.limit());
  }

  /** Takes every source's current tools into the registry and the catalog. */
  public synchronized void rebuild() {
    Map<String, Tool> tools = new LinkedHashMap<>();
    List<String> clashes = new ArrayList<>();
    Set<String> waiting = new HashSet<>();
    for (ToolSource source : sources) {
      if (!source.listed()) {
        waiting.add(source.name());
      }
      for (Tool tool : source.tools()) {
        Tool first = tools.putIfAbsent(tool.name(), tool);
        if (first != null) {
          clashes.add(tool.name() + " (" + source.name() + " leaves it to " + first.server() + ")");
        }
      }
    }
    if (!clashes.equals(conflicts)) {
      clashes.forEach(clash -> log.warn("two servers offer tool {}", clash));
    }
    conflicts = List.copyOf(clashes);
    registry.replace(List.copyOf(tools.values()));
    catalog.sync(tools.values().stream().map(Tool::descriptor).toList(), waiting);
  }

  public Status status() {
    List<ToolSource.SourceStatus> states = sources.stream().map(ToolSource::status).toList();
    boolean ready = sources.stream().allMatch(ToolSource::listed);
    return new Status(
        file,
        loadedAt,
        lastReloadError,
        states,
        registry.names().size(),
        conflicts,
        catalog.behind(),
        ready);
  }

  /**
   * @param ready every configured server has listed its tools at least once
   * @param conflicts tool names offered twice, and who kept them
   */
  public record Status(
      Path file,
      Instant loadedAt,
      String lastReloadError,
      List<ToolSource.SourceStatus> sources,
      int tools,
      List<String> conflicts,
      boolean catalogBehind,
      boolean ready) {}

  @Override
  public synchronized void close() {
    if (watcher != null) {
      watcher.shutdownNow();
    }
    servers.values().forEach(McpServerConnection::close);
  }

  private static byte[] hash(byte[] content) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The servers that have not listed their tools yet. */
  private final class PendingServers implements ToolRegistry.Pending {
    @Override
    public boolean any() {
      return currentServers().stream().anyMatch(server -> !server.listed());
    }

    @Override
    public void await(Duration timeout) throws InterruptedException {
      Instant deadline = Instant.now().plus(timeout);
      for (McpServerConnection server : currentServers()) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || !server.awaitListed(left)) {
          return;
        }
      }
    }
  }

  private synchronized List<McpServerConnection> currentServers() {
    return List.copyOf(servers.values());
  }
}
