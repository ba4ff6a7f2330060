package dev.switchboard.executor;

import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.EffectCall;
import dev.switchboard.edge.EffectHandler;
import dev.switchboard.edge.EffectRefusal;
import dev.switchboard.edge.EffectResult;
import dev.switchboard.executor.tool.Tool;
import dev.switchboard.executor.tool.ToolCall;
import dev.switchboard.executor.tool.ToolFailure;
import dev.switchboard.executor.tool.ToolRegistry;
import java.time.Clock;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code tool} effects: calls the action's tool with the actionId as idempotency key, and
 * reports the result on {@code action-result}. A tool's clean refusal is a failure; timeouts,
 * crashes and retries are the edge's ({@code switchboard.effects.*}). Concurrency is limited per
 * tool, the circuit breaker is per tool server.
 */
final class ToolEffectHandler implements EffectHandler {
  static final String KIND = "tool";

  private final ToolRegistry tools;
  private final ActionResults results;
  private final JsonMapper mapper;
  private final Clock clock;
  private final TestDelay testDelay;

  ToolEffectHandler(
      ToolRegistry tools, ActionResults results, JsonMapper mapper, Clock clock, TestDelay delay) {
    this.tools = tools;
    this.results = results;
    this.mapper = mapper;
    this.clock = clock;
    this.testDelay = delay;
  }

  @Override
  public String kind() {
    return KIND;
  }

  @Override
  public String target(EffectCall call) {
    return request(call).tool();
  }

  @Override
  public String server(EffectCall call) {
    return tools.find(request(call).tool()).map(Tool::server).orElse("unknown");
  }

  @Override
  public JsonNode run(EffectCall call) throws Exception {
    ToolRequest request = request(call);
    // A re-issued attempt may come later than the request allows.
    if (clock.instant().isAfter(request.expiresAt())) {
      throw new EffectRefusal(ActionRunner.EXPIRED);
    }
    Tool tool =
        tools
            .find(request.tool())
            .orElseThrow(() -> new EffectRefusal("unknown tool '" + request.tool() + "'"));
    try {
      JsonNode output =
          tool.call(new ToolCall(request.actionId(), call.goalId(), request.arguments()));
      testDelay.after(tool.name(), call.goalId());
      return output;
    } catch (ToolFailure refusal) {
      throw new EffectRefusal(refusal.getMessage());
    }
  }

  /** The tool's arguments (traced only with content capture on; the tool's config never). */
  @Override
  public JsonNode requestContent(EffectCall call) {
    return request(call).arguments();
  }

  @Override
  public List<SwitchboardEvent> resultEvents(EffectCall call, EffectResult result) {
    return List.of(results.of(call.goalId(), request(call), result));
  }

  private ToolRequest request(EffectCall call) {
    return ToolRequest.fromJson(call.request(), mapper);
  }
}
