package dev.switchboard.executor;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.Effect;
import dev.switchboard.edge.EventRefusal;
import dev.switchboard.edge.GoalProcessor;
import dev.switchboard.executor.tool.Tool;
import dev.switchboard.executor.tool.ToolRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs what the guardrail signed: a request whose signature does not verify is rejected (to the
 * dead-letter topic); an expired one, or one for a tool this executor lacks, is answered with
 * {@code ActionFailed} at once; any other becomes a {@code tool} effect, run by the edge once this
 * decision is committed ({@link ToolEffectHandler}). Each actionId is taken at most once: it
 * belongs to one goal (it starts with the goalId), and the goal's state remembers it.
 */
public final class ActionRunner implements GoalProcessor<ExecutorState> {
  static final String BAD_SIGNATURE = "signature does not verify";
  static final String EXPIRED = "request expired; nothing ran";
  private static final Logger log = LoggerFactory.getLogger(ActionRunner.class);

  private final ActionSigner signer;
  private final ToolRegistry tools;
  private final ActionResults results;
  private final Duration toolTimeout;
  private final JsonMapper mapper;
  private final Clock clock;

  public ActionRunner(
      ActionSigner signer,
      ToolRegistry tools,
      Duration toolTimeout,
      JsonMapper mapper,
      Clock clock) {
    this.signer = signer;
    this.tools = tools;
    this.results = new ActionResults(clock);
    this.toolTimeout = toolTimeout;
    this.mapper = mapper;
    this.clock = clock;
  }

  @Override
  public Service service() {
    return Service.EXECUTOR;
  }

  @Override
  public List<Topic<?>> inputs() {
    return List.of(Topics.ACTION_REQUEST, Topics.OUTCOME);
  }

  @Override
  public Class<ExecutorState> stateType() {
    return ExecutorState.class;
  }

  @Override
  public Decision<ExecutorState> decide(ExecutorState state, SwitchboardEvent event) {
    ExecutorState known = state == null ? ExecutorState.empty() : state;
    return switch (event) {
      case ActionRequested request -> take(known, request);
      // The goal is over: nothing of it runs any more (a request read after the outcome, which
      // comes on another topic, is answered without running). Its taken actionIds leave the store
      // after the edge's retention, and the tombstone after them skips a re-sent request.
      case OutcomeEvent outcome ->
          Decision.of(known.ended() ? known : known.endedAs(EventCodec.typeName(outcome)))
              .goalEnded();
      default ->
          throw new MalformedEventException(
              "the executor takes ActionRequested and outcomes only, not "
                  + EventCodec.typeName(event));
    };
  }

  private Decision<ExecutorState> take(ExecutorState state, ActionRequested request) {
    if (!signer.verifies(request)) {
      throw new MalformedEventException(
          signer.knowsKey(request.keyId())
              ? BAD_SIGNATURE
              : BAD_SIGNATURE + " (signed with key id '" + request.keyId() + "', not ours)");
    }
    String actionId = request.action().actionId();
    if (!actionId.startsWith(request.goalId() + "/")) {
      // Action ids are the goal's ("<goalId>/<agent>/<step>"), so per-goal state covers every
      // goal: the same action id cannot be run again under another goal.
      throw new EventRefusal(
          "action id '" + actionId + "' does not belong to goal " + request.goalId());
    }
    if (state.hasRun(actionId)) {
      log.info("action {} of goal {} was taken already; not again", actionId, request.goalId());
      return Decision.of(state);
    }
    ExecutorState taken = state.withRun(actionId);
    Optional<Tool> tool = tools.find(request.action().tool());
    ToolRequest toolRequest = ToolRequest.of(request, tool.map(Tool::sideEffect).orElse(true));
    if (state.ended()) {
      log.info(
          "action {} of goal {} read after the goal ended ({}); not run",
          actionId,
          request.goalId(),
          state.endedAs());
      return Decision.of(
          taken,
          results.failed(
              request.goalId(),
              toolRequest,
              "the goal ended (" + state.endedAs() + ") before this action ran; nothing ran"));
    }
    if (clock.instant().isAfter(request.expiresAt())) {
      log.info(
          "action {} of goal {} expired at {}", actionId, request.goalId(), request.expiresAt());
      return Decision.of(taken, results.failed(request.goalId(), toolRequest, EXPIRED));
    }
    if (tool.isEmpty()) {
      return Decision.of(
          taken,
          results.failed(
              request.goalId(),
              toolRequest,
              "unknown tool '"
                  + request.action().tool()
                  + "'; this executor has "
                  + tools.names()));
    }
    return Decision.of(taken)
        .withEffect(
            new Effect(
                actionId,
                ToolEffectHandler.KIND,
                toolRequest.toJson(mapper),
                retrySafe(tool.get(), toolRequest),
                toolTimeout));
  }

  /** A request that claims a side effect its tool does not declare is not retried either. */
  private static boolean retrySafe(Tool tool, ToolRequest request) {
    return tool.retrySafe() && (tool.sideEffect() || !request.sideEffect());
  }
}
