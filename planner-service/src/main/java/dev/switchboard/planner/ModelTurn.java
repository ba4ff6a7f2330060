package dev.switchboard.planner;

import tools.jackson.databind.JsonNode;

/**
 * One model call of the LLM planner for a goal: asked as a durable effect under {@code turnId},
 * answered once. Tokens are counted when the reply is recorded, and a reply for a turn that has one
 * already is ignored, so a replayed effect result never counts twice.
 *
 * @param turnId {@code <goalId>/<agent>/turn-<number>}, the effect id
 * @param number 1 for the agent's first call on this goal
 * @param reply the reply ({@code ChatReply} as JSON); null while the call is under way
 */
public record ModelTurn(String turnId, String agent, int number, JsonNode reply) {

  public ModelTurn {
    reply = reply == null || reply.isNull() ? null : reply;
  }

  public static String turnId(String goalId, String agent, int number) {
    return goalId + "/" + agent + "/turn-" + number;
  }

  ModelTurn answered(JsonNode answer) {
    return new ModelTurn(turnId, agent, number, answer);
  }
}
