package dev.switchboard.executor;

import dev.switchboard.contracts.ActionSigner;
import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.MalformedEventException;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.GoalProcessor;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs what the guardrail signed: a request whose signature does not verify is rejected (to the
 * dead-letter topic), and each actionId runs at most once per goal.
 */
public final class Executor implements GoalProcessor<ExecutorState> {
  static final String BAD_SIGNATURE = "signature does not verify";
  private static final Logger log = LoggerFactory.getLogger(Executor.class);

  private final ActionSigner signer;
  private final ActionRunner runner;

  public Executor(ActionSigner signer, ActionRunner runner) {
    this.signer = signer;
    this.runner = runner;
  }

  @Override
  public Service service() {
    return Service.EXECUTOR;
  }

  @Override
  public List<Topic<?>> inputs() {
    return List.of(Topics.ACTION_REQUEST);
  }

  @Override
  public Class<ExecutorState> stateType() {
    return ExecutorState.class;
  }

  @Override
  public Decision<ExecutorState> decide(ExecutorState state, SwitchboardEvent event) {
    ExecutorState known = state == null ? ExecutorState.empty() : state;
    return switch (event) {
      case ActionRequested request -> run(known, request);
      default ->
          throw new MalformedEventException(
              "the executor takes ActionRequested only, not " + EventCodec.typeName(event));
    };
  }

  private Decision<ExecutorState> run(ExecutorState state, ActionRequested request) {
    if (!signer.verifies(request)) {
      throw new MalformedEventException(BAD_SIGNATURE);
    }
    String actionId = request.action().actionId();
    if (state.hasRun(actionId)) {
      log.info("action {} of goal {} ran already; not again", actionId, request.goalId());
      return Decision.of(state);
    }
    ActionResultEvent result = runner.run(request);
    log.info(
        "{} on action {} of goal {}: {}",
        request.action().tool(),
        actionId,
        request.goalId(),
        EventCodec.typeName(result));
    return Decision.of(state.withRun(actionId), result);
  }
}
