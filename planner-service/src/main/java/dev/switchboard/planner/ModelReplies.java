package dev.switchboard.planner;

import dev.switchboard.contracts.event.ModelUsage;
import dev.switchboard.planner.llm.ChatReply;
import dev.switchboard.planner.llm.ModelPrices;
import java.math.BigDecimal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records a model call's reply on its turn, once, with its tokens and cost on the agent's usage.
 */
final class ModelReplies {
  private static final Logger log = LoggerFactory.getLogger(ModelReplies.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final ModelPrices prices;

  ModelReplies(ModelPrices prices) {
    this.prices = prices;
  }

  /** A reply for a call that gave no answer: the planner reads it as an unusable reply. */
  static JsonNode failure(String error) {
    return JSON.valueToTree(ChatReply.failed(null, error));
  }

  /** The goal with the reply recorded; empty when the turn is unknown or answered already. */
  Optional<PlannerState> record(PlannerState goal, String turnId, JsonNode reply) {
    Optional<ModelTurn> turn =
        goal.modelTurns().stream().filter(t -> t.turnId().equals(turnId)).findFirst();
    if (turn.isEmpty() || turn.get().reply() != null) {
      log.debug("goal {}: model reply for {} ignored: no such turn waits", goal.goalId(), turnId);
      return Optional.empty();
    }
    ChatReply read = JSON.treeToValue(reply, ChatReply.class);
    BigDecimal cost = prices.costOf(read);
    return Optional.of(
        goal.edit(
            draft -> {
              draft.modelTurns.replaceAll(t -> t.turnId().equals(turnId) ? t.answered(reply) : t);
              Usage used =
                  draft.usage.getOrDefault(turn.get().agent(), goal.usageOf(turn.get().agent()));
              draft.usage.put(turn.get().agent(), used.plusModel(read.totalTokens(), cost));
              draft.unreportedUsage =
                  ModelUsage.ofCall(read.inputTokens(), read.outputTokens(), cost)
                      .plus(draft.unreportedUsage);
              draft.note(
                  turn.get().agent()
                      + ": its model answered turn "
                      + turn.get().number()
                      + (read.error() == null ? "" : " with an error: " + read.error())
                      + " ("
                      + read.totalTokens()
                      + " tokens)");
            }));
  }
}
