package dev.switchboard.executor.tool.config;

import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.executor.tool.config.McpServerSettings.Transport;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads and checks the tool file, so that a mistake (a typo in a key, a missing URL, an unset
 * secret) is refused with the place and the reason before anything changes.
 */
public final class ToolsFileReader {
  private static final Pattern SERVER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
  private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]*");
  private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

  private final YAMLMapper yaml =
      YAMLMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();
  private final Set<String> builtinNames;
  private final SecretValues secrets;

  /**
   * @param builtinNames the built-in tools this executor has
   */
  public ToolsFileReader(Set<String> builtinNames, SecretValues secrets) {
    this.builtinNames = Set.copyOf(builtinNames);
    this.secrets = secrets;
  }

  /**
   * @throws ToolsFileException naming the file, the place in it and what is wrong
   */
  public ToolsFile read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ToolsFileException("cannot read the tool file " + file + ": " + e);
    }
    try {
      return parse(text);
    } catch (ToolsFileException e) {
      throw new ToolsFileException(file + ": " + e.getMessage(), e);
    }
  }

  /** The file's content, checked. */
  public ToolsFile parse(String text) {
    ToolsFile file;
    try {
      JsonNode tree = text.isBlank() ? null : yaml.readTree(text);
      file =
          tree == null || tree.isNull() || tree.isMissingNode()
              ? ToolsFile.builtinsOnly()
              : yaml.treeToValue(tree, ToolsFile.class);
    } catch (JacksonException e) {
      throw new ToolsFileException(describe(e), e);
    }
    check(file);
    return file;
  }

  private void check(ToolsFile file) {
    Set<String> names = new HashSet<>(file.builtins() == null ? builtinNames : Set.of());
    for (String builtin : file.builtins() == null ? List.<String>of() : file.builtins()) {
      if (!builtinNames.contains(builtin)) {
        throw new ToolsFileException(
            "builtins: no built-in tool '"
                + builtin
                + "' (there are "
                + sorted(builtinNames)
                + ")");
      }
      names.add(builtin);
    }
    file.mcpServers().forEach(this::checkServer);
    for (Map.Entry<String, HttpToolSettings> tool : file.httpTools().entrySet()) {
      checkHttpTool(tool.getKey(), tool.getValue());
      if (!names.add(tool.getKey())) {
        throw new ToolsFileException(
            "http-tools." + tool.getKey() + ": the name is taken by a built-in tool");
      }
    }
  }

  private void checkServer(String name, McpServerSettings server) {
    String where = "mcp-servers." + name;
    if (!SERVER_NAME.matcher(name).matches()) {
      throw new ToolsFileException(
          where + ": a server name is 1 to 64 letters, digits, '_' or '-'");
    }
    if (server == null || server.transport() == null) {
      throw new ToolsFileException(where + ": transport is required (stdio or streamable-http)");
    }
    if (server.transport() == Transport.STDIO) {
      if (server.command() == null || server.command().isBlank()) {
        throw new ToolsFileException(where + ": command is required for transport stdio");
      }
      if (server.url() != null || !server.headers().isEmpty()) {
        throw new ToolsFileException(where + ": url and headers are for streamable-http only");
      }
      server.env().forEach((key, value) -> resolve(value, where + ".env." + key));
    } else {
      if (server.url() == null || server.url().isBlank()) {
        throw new ToolsFileException(where + ": url is required for transport streamable-http");
      }
      if (server.command() != null || !server.args().isEmpty() || !server.env().isEmpty()) {
        throw new ToolsFileException(where + ": command, args and env are for stdio only");
      }
      checkHttpUrl(resolve(server.url(), where + ".url"), where + ".url");
      server.headers().forEach((key, value) -> resolve(value, where + ".headers." + key));
    }
    if (server.toolPrefix() != null && !PREFIX.matcher(server.toolPrefix()).matches()) {
      throw new ToolsFileException(
          where + ".tool-prefix: only letters, digits, '.', '_' and '-': " + server.toolPrefix());
    }
    if (server.timeout() != null) {
      wrap(where, () -> server.timeoutOr(null));
    }
  }

  private void checkHttpTool(String name, HttpToolSettings tool) {
    String where = "http-tools." + name;
    if (!ToolEntry.NAME.matcher(name).matches()) {
      throw new ToolsFileException(
          where + ": a tool name is 1 to 200 letters, digits, '.', '_' or '-'");
    }
    if (tool == null || tool.url() == null || tool.url().isBlank()) {
      throw new ToolsFileException(where + ": url is required");
    }
    if (!METHODS.contains(tool.method())) {
      throw new ToolsFileException(
          where + ".method: one of " + sorted(METHODS) + ", not " + tool.method());
    }
    checkHttpUrl(resolve(tool.url(), where + ".url").replaceAll("\\{[^{}]*}", "x"), where + ".url");
    tool.headers().forEach((key, value) -> resolve(value, where + ".headers." + key));
    if (tool.inputSchema() != null && !tool.inputSchema().isObject()) {
      throw new ToolsFileException(where + ".input-schema: must be a JSON Schema object");
    }
    wrap(where, tool::overrides);
    if (tool.timeout() != null) {
      wrap(where, () -> tool.timeoutOr(null));
    }
  }

  private String resolve(String value, String where) {
    try {
      return secrets.resolve(value);
    } catch (ToolsFileException e) {
      throw new ToolsFileException(where + ": " + e.getMessage(), e);
    }
  }

  private static void checkHttpUrl(String url, String where) {
    URI uri;
    try {
      uri = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new ToolsFileException(where + ": not a URL");
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())
        || uri.getHost() == null) {
      throw new ToolsFileException(where + ": an http:// or https:// URL with a host is required");
    }
  }

  private static void wrap(String where, Runnable check) {
    try {
      check.run();
    } catch (ToolsFileException | IllegalArgumentException e) {
      throw new ToolsFileException(where + ": " + e.getMessage(), e);
    }
  }

  /** Where in the file (e.g. {@code mcp-servers.crm.urll}) and Jackson's first line. */
  private static String describe(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    String message = e.getOriginalMessage() == null ? e.toString() : e.getOriginalMessage();
    int newline = message.indexOf('\n');
    message = newline < 0 ? message : message.substring(0, newline);
    // A contradiction the constructors found (e.g. read-only vs side-effect) says it best.
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
        message = cause.getMessage();
        break;
      }
    }
    if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
      message += " (line " + e.getLocation().getLineNr() + ")";
    }
    return path.isEmpty() ? message : path + ": " + message;
  }

  private static List<String> sorted(Set<String> names) {
    return names.stream().sorted().toList();
  }
}
