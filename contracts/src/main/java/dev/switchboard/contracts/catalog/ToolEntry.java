package dev.switchboard.contracts.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * One tool on the {@code tools} catalog (key = its name), as the executor runs it. The annotations
 * are the <em>effective</em> view the executor acts on: a server's MCP hints only when the
 * configuration trusts that server, else the safe defaults, then the configuration's own overrides.
 *
 * @param name what actions call the tool, e.g. {@code crm.lookup_account}
 * @param description what the tool does, for planners (may be empty)
 * @param inputSchema JSON Schema of the arguments (an object schema)
 * @param annotations the effective annotations
 * @param trusted whether the server's own hints were believed
 * @param server the configured server (or {@code builtin}, {@code http}) the tool lives on
 * @param updatedAt when this entry last changed
 */
public record ToolEntry(
    String name,
    String description,
    JsonNode inputSchema,
    Annotations annotations,
    boolean trusted,
    String server,
    Instant updatedAt)
    implements CatalogEntry {

  /** Letters, digits, {@code . _ -}: what MCP allows in tool names (and fits a record key). */
  public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,200}");

  public static final int SCHEMA_VERSION = 1;

  public ToolEntry {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "name must be 1 to 200 letters, digits, '.', '_' or '-': " + name);
    }
    description = description == null ? "" : description;
    if (inputSchema == null || inputSchema.isNull() || inputSchema.isMissingNode()) {
      inputSchema = JsonNodeFactory.instance.objectNode().put("type", "object");
    }
    if (!inputSchema.isObject()) {
      throw new IllegalArgumentException("inputSchema must be a JSON object");
    }
    if (annotations == null) {
      throw new IllegalArgumentException("annotations is required");
    }
    if (server == null || server.isBlank()) {
      throw new IllegalArgumentException("server is required");
    }
    if (updatedAt == null) {
      throw new IllegalArgumentException("updatedAt is required");
    }
  }

  @JsonProperty("schemaVersion")
  public int schemaVersion() {
    return SCHEMA_VERSION;
  }

  /** True when a call may change the outside world. */
  @JsonIgnore
  public boolean sideEffect() {
    return !annotations.readOnlyHint();
  }

  /** True when running a call twice does no harm, so it may be retried. */
  @JsonIgnore
  public boolean retrySafe() {
    return annotations.readOnlyHint() || annotations.idempotentHint();
  }

  /** The same entry with another time stamp: to compare content. */
  public ToolEntry at(Instant time) {
    return new ToolEntry(name, description, inputSchema, annotations, trusted, server, time);
  }

  /**
   * MCP's four tool annotations (same names, same meaning), here as the values the executor acts
   * on. A missing value on the wire takes MCP's default, which is the cautious one.
   */
  public record Annotations(
      boolean readOnlyHint,
      boolean destructiveHint,
      boolean idempotentHint,
      boolean openWorldHint) {

    /** What MCP assumes when a server says nothing, and what untrusted servers get. */
    public static final Annotations CAUTIOUS = new Annotations(false, true, false, true);

    /** Reads and nothing else: never destructive, safe to repeat. */
    public static final Annotations READ_ONLY = new Annotations(true, false, true, false);

    public Annotations {
      // A tool that only reads destroys nothing and may be repeated, whatever else was said.
      if (readOnlyHint) {
        destructiveHint = false;
        idempotentHint = true;
      }
    }

    @JsonCreator
    static Annotations fromWire(
        @JsonProperty("readOnlyHint") Boolean readOnlyHint,
        @JsonProperty("destructiveHint") Boolean destructiveHint,
        @JsonProperty("idempotentHint") Boolean idempotentHint,
        @JsonProperty("openWorldHint") Boolean openWorldHint) {
      return new Annotations(
          orElse(readOnlyHint, CAUTIOUS.readOnlyHint),
          orElse(destructiveHint, CAUTIOUS.destructiveHint),
          orElse(idempotentHint, CAUTIOUS.idempotentHint),
          orElse(openWorldHint, CAUTIOUS.openWorldHint));
    }

    private static boolean orElse(Boolean value, boolean fallback) {
      return value == null ? fallback : value;
    }
  }
}
