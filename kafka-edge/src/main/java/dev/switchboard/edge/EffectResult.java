package dev.switchboard.edge;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * How an effect ended, as its {@link GoalProcessor} learns it. Delivered once per effect: a result
 * that arrives twice, or for an attempt that was given up, is not delivered again.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "outcome")
@JsonSubTypes({
  @JsonSubTypes.Type(value = EffectResult.Succeeded.class, name = "Succeeded"),
  @JsonSubTypes.Type(value = EffectResult.Failed.class, name = "Failed"),
  @JsonSubTypes.Type(value = EffectResult.OutcomeUnknown.class, name = "OutcomeUnknown")
})
public sealed interface EffectResult {
  String goalId();

  String effectId();

  String kind();

  int attempt();

  /**
   * Stable for this effect's attempt, so events caused by the result can name it as their cause and
   * a replay derives the same id.
   */
  @JsonIgnore
  default UUID eventId() {
    return UUID.nameUUIDFromBytes(
        ("effect-result|" + goalId() + "|" + effectId() + "|" + attempt())
            .getBytes(StandardCharsets.UTF_8));
  }

  /** The handler answered. */
  record Succeeded(String goalId, String effectId, String kind, int attempt, JsonNode output)
      implements EffectResult {}

  /** It did not run, or the handler refused: nothing changed outside. */
  record Failed(String goalId, String effectId, String kind, int attempt, String error)
      implements EffectResult {}

  /**
   * It may or may not have acted (a timeout, a crash during the call, no result by the deadline). A
   * processor must not retry such an effect on its own.
   */
  record OutcomeUnknown(String goalId, String effectId, String kind, int attempt, String reason)
      implements EffectResult {}
}
