package dev.switchboard.contracts.event;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/** Topic {@code action-result}: what happened when the executor ran an action. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ActionResultEvent.ActionSucceeded.class, name = "ActionSucceeded"),
  @JsonSubTypes.Type(value = ActionResultEvent.ActionFailed.class, name = "ActionFailed"),
  @JsonSubTypes.Type(
      value = ActionResultEvent.ActionOutcomeUnknown.class,
      name = "ActionOutcomeUnknown")
})
public sealed interface ActionResultEvent extends SwitchboardEvent {

  String actionId();

  String tool();

  record ActionSucceeded(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String actionId,
      String tool,
      JsonNode output)
      implements ActionResultEvent {
    public ActionSucceeded {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(actionId, "actionId");
      Require.text(tool, "tool");
      output = Require.optionalJson(output);
    }
  }

  /** The tool ran and said no, or could not be reached; nothing changed outside. */
  record ActionFailed(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String actionId,
      String tool,
      String error)
      implements ActionResultEvent {
    public ActionFailed {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(actionId, "actionId");
      Require.text(tool, "tool");
      Require.text(error, "error");
    }
  }

  /** A side-effecting call may or may not have happened; a person must look. */
  record ActionOutcomeUnknown(
      String goalId,
      UUID eventId,
      UUID causationId,
      Instant occurredAt,
      String actionId,
      String tool,
      String reason)
      implements ActionResultEvent {
    public ActionOutcomeUnknown {
      Require.envelope(goalId, eventId, occurredAt);
      Require.text(actionId, "actionId");
      Require.text(tool, "tool");
    }
  }
}
