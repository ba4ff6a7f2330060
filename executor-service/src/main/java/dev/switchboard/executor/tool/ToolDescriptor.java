package dev.switchboard.executor.tool;

import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.contracts.catalog.ToolEntry.Annotations;
import java.time.Instant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * A tool as the catalog describes it; its effective annotations decide {@link Tool#sideEffect()}
 * and {@link Tool#retrySafe()} of the tools that have one.
 *
 * @param trusted whether the annotations came from the tool's own (trusted) hints or from code and
 *     configuration the executor controls
 */
public record ToolDescriptor(
    String name,
    String description,
    JsonNode inputSchema,
    Annotations annotations,
    boolean trusted,
    String server) {

  public ToolDescriptor {
    description = description == null ? "" : description;
    inputSchema =
        inputSchema == null || !inputSchema.isObject()
            ? JsonNodeFactory.instance.objectNode().put("type", "object")
            : inputSchema;
  }

  /** A descriptor for a tool that only says whether it has side effects and may be retried. */
  static ToolDescriptor plain(String name, boolean sideEffect, boolean retrySafe, String server) {
    Annotations annotations =
        sideEffect ? new Annotations(false, true, retrySafe, true) : Annotations.READ_ONLY;
    return new ToolDescriptor(name, "", null, annotations, true, server);
  }

  public boolean sideEffect() {
    return !annotations.readOnlyHint();
  }

  public boolean retrySafe() {
    return annotations.readOnlyHint() || annotations.idempotentHint();
  }

  /** Whether the tool's arguments have a top-level {@code idempotencyKey} to fill in. */
  public boolean takesIdempotencyKey() {
    return inputSchema.path("properties").has(ToolCall.IDEMPOTENCY_KEY_ARGUMENT);
  }

  public ToolEntry entry(Instant updatedAt) {
    return new ToolEntry(name, description, inputSchema, annotations, trusted, server, updatedAt);
  }
}
