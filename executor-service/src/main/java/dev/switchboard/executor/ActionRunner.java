package dev.switchboard.executor;

import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.ActionResultEvent;
import dev.switchboard.contracts.event.ActionResultEvent.ActionFailed;
import dev.switchboard.contracts.event.ActionResultEvent.ActionOutcomeUnknown;
import dev.switchboard.contracts.event.ActionResultEvent.ActionSucceeded;
import dev.switchboard.contracts.event.PlannedAction;
import dev.switchboard.executor.tool.Tool;
import dev.switchboard.executor.tool.ToolCall;
import dev.switchboard.executor.tool.ToolFailure;
import dev.switchboard.executor.tool.ToolRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * Calls an action's tool on a virtual thread, waits at most the timeout, and says what happened. A
 * side-effecting call that timed out or crashed may have changed the world, so it is reported as
 * {@link ActionOutcomeUnknown} for a person to check, never as a failure someone might retry.
 */
public final class ActionRunner {
  private static final Logger log = LoggerFactory.getLogger(ActionRunner.class);

  private final ToolRegistry tools;
  private final Duration timeout;
  private final Clock clock;

  public ActionRunner(ToolRegistry tools, Duration timeout, Clock clock) {
    this.tools = tools;
    this.timeout = timeout;
    this.clock = clock;
  }

  public ActionResultEvent run(ActionRequested request) {
    PlannedAction action = request.action();
    return tools
        .find(action.tool())
        .map(tool -> call(tool, request))
        .orElseGet(
            () ->
                failed(
                    request,
                    "unknown tool '" + action.tool() + "'; this executor has " + tools.names()));
  }

  private ActionResultEvent call(Tool tool, ActionRequested request) {
    PlannedAction action = request.action();
    boolean sideEffect = tool.sideEffect() || action.sideEffect();
    ToolCall call = new ToolCall(action.actionId(), request.goalId(), action.arguments());
    FutureTask<JsonNode> running = new FutureTask<>(() -> tool.call(call));
    Thread.ofVirtual().name("tool-" + tool.name() + "-" + action.actionId()).start(running);
    try {
      return succeeded(request, running.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
    } catch (ExecutionException e) {
      if (e.getCause() instanceof ToolFailure refusal) {
        return failed(request, refusal.getMessage());
      }
      log.warn("{} crashed on action {}", tool.name(), action.actionId(), e.getCause());
      return uncertain(request, sideEffect, tool.name() + " crashed: " + e.getCause());
    } catch (TimeoutException e) {
      running.cancel(true);
      log.warn("{} did not answer within {} on action {}", tool.name(), timeout, action.actionId());
      return uncertain(
          request, sideEffect, tool.name() + " did not answer within " + describe(timeout));
    } catch (InterruptedException e) {
      // Shutting down mid-call: what the tool did is as unknown as after a timeout.
      Thread.currentThread().interrupt();
      running.cancel(true);
      return uncertain(request, sideEffect, "the executor stopped while " + tool.name() + " ran");
    }
  }

  private ActionResultEvent uncertain(ActionRequested request, boolean sideEffect, String reason) {
    if (!sideEffect) {
      return failed(request, reason);
    }
    return new ActionOutcomeUnknown(
        request.goalId(),
        UUID.randomUUID(),
        request.eventId(),
        clock.instant(),
        request.action().actionId(),
        request.action().tool(),
        reason + "; it may or may not have taken effect");
  }

  private ActionSucceeded succeeded(ActionRequested request, JsonNode output) {
    return new ActionSucceeded(
        request.goalId(),
        UUID.randomUUID(),
        request.eventId(),
        clock.instant(),
        request.action().actionId(),
        request.action().tool(),
        output);
  }

  private ActionFailed failed(ActionRequested request, String error) {
    return new ActionFailed(
        request.goalId(),
        UUID.randomUUID(),
        request.eventId(),
        clock.instant(),
        request.action().actionId(),
        request.action().tool(),
        error);
  }

  private static String describe(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? duration.toSeconds() + "s"
        : duration.toMillis() + "ms";
  }
}
