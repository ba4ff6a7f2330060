package dev.switchboard.cli;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns what the user typed into a GoalSubmitted: a JSON object is the event body ({@code type} may
 * be left out, a goalId is generated when missing); anything else is the goal's description.
 */
final class GoalSubmission {
  private static final String TYPE = "GoalSubmitted";

  private GoalSubmission() {}

  static GoalSubmitted parse(String input, String agent, EventCodec codec) {
    return parse(input, agent, null, codec);
  }

  /**
   * @param agent the agent to use; when given it wins over an {@code agent} field in the JSON
   * @param requester the signed-in user; when given it is the goal's {@code requestedBy}, whatever
   *     the JSON declares
   */
  static GoalSubmitted parse(String input, String agent, String requester, EventCodec codec) {
    if (input == null || input.isBlank()) {
      throw new UsageException("the goal is empty: give a description or a JSON goal");
    }
    GoalSubmitted goal =
        input.strip().startsWith("{")
            ? fromJson(input, agent, codec)
            : new GoalSubmitted(
                UUID.randomUUID().toString(), null, null, null, agent, input.strip(), Map.of());
    return requester == null || requester.isBlank() ? goal : goal.requestedBy(requester.strip());
  }

  private static GoalSubmitted fromJson(String input, String agent, EventCodec codec) {
    ObjectNode body = parseObject(input, codec);
    JsonNode type = body.get("type");
    if (type != null && !TYPE.equals(type.asString(""))) {
      throw new UsageException(
          "only GoalSubmitted goals can be submitted here, not '" + type.asString("") + "'");
    }
    body.put("type", TYPE);
    JsonNode goalId = body.get("goalId");
    if (goalId == null || goalId.isNull() || goalId.asString("").isBlank()) {
      body.put("goalId", UUID.randomUUID().toString());
    }
    if (agent != null) {
      body.put("agent", agent);
    }
    try {
      GoalEvent event = codec.decode(Topics.GOALS, codec.mapper().writeValueAsBytes(body));
      return switch (event) {
        case GoalSubmitted submitted -> submitted;
        case GoalEvent.GoalCancelled cancelled ->
            throw new UsageException("only GoalSubmitted goals can be submitted here");
      };
    } catch (MalformedEventException e) {
      throw new UsageException("not a valid goal: " + e.getMessage());
    }
  }

  private static ObjectNode parseObject(String input, EventCodec codec) {
    try {
      JsonNode tree = codec.mapper().readTree(input.getBytes(StandardCharsets.UTF_8));
      if (tree instanceof ObjectNode object) {
        return object;
      }
      throw new UsageException("a JSON goal must be an object");
    } catch (JacksonException e) {
      // Drop Jackson's "(start marker at [Source: ...])" location noise.
      String reason = e.getOriginalMessage().replaceAll("\\s*\\(start marker at .*", "");
      throw new UsageException("the goal is not valid JSON: " + reason);
    }
  }
}
