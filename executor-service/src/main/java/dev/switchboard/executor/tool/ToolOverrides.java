package dev.switchboard.executor.tool;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.switchboard.contracts.catalog.ToolEntry.Annotations;

/**
 * What the configuration says about a tool, over whatever the tool says about itself; null leaves a
 * point as it was.
 *
 * @param readOnly true: only reads (so never destructive and safe to repeat); false: changes things
 * @param sideEffect the same question the other way round: true is {@code readOnly: false}
 * @param idempotent true: a second call with the same arguments has no further effect, so the
 *     executor may retry it
 */
public record ToolOverrides(
    @JsonProperty("read-only") Boolean readOnly,
    @JsonProperty("side-effect") Boolean sideEffect,
    @JsonProperty("idempotent") Boolean idempotent) {

  public static final ToolOverrides NONE = new ToolOverrides(null, null, null);

  public ToolOverrides {
    if (readOnly != null && sideEffect != null && readOnly == sideEffect) {
      throw new IllegalArgumentException(
          "read-only: " + readOnly + " contradicts side-effect: " + sideEffect);
    }
  }

  /**
   * The effective annotations: a tool's own hints only when its server is trusted, else MCP's
   * cautious defaults (destructive, open-world, not idempotent); then these overrides.
   *
   * @param hints the tool's own hints, null each where it gave none
   */
  public Annotations apply(
      Boolean readOnlyHint,
      Boolean destructiveHint,
      Boolean idempotentHint,
      Boolean openWorldHint,
      boolean trusted) {
    Annotations cautious = Annotations.CAUTIOUS;
    boolean readOnly = trusted && readOnlyHint != null ? readOnlyHint : cautious.readOnlyHint();
    boolean destructive =
        trusted && destructiveHint != null ? destructiveHint : cautious.destructiveHint();
    boolean repeatable =
        trusted && idempotentHint != null ? idempotentHint : cautious.idempotentHint();
    boolean openWorld = trusted && openWorldHint != null ? openWorldHint : cautious.openWorldHint();
    if (this.readOnly != null) {
      readOnly = this.readOnly;
    }
    if (sideEffect != null) {
      readOnly = !sideEffect;
    }
    if (idempotent != null) {
      repeatable = idempotent;
    }
    return new Annotations(readOnly, destructive, repeatable, openWorld);
  }
}
