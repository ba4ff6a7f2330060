package dev.switchboard.edge;

import dev.switchboard.contracts.event.SwitchboardEvent;
import io.opentelemetry.api.common.Attributes;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Runs the effects of one kind (a Spring bean per kind). It runs on a virtual thread outside the
 * stream, within the limits of {@code switchboard.effects.*}: a concurrency limit per {@link
 * #target}, a circuit breaker per {@link #server}, a timeout, and retries for retry-safe effects.
 */
public interface EffectHandler {

  /** The {@link Effect#kind()} this handler runs, e.g. {@code tool}. */
  String kind();

  /** Calls to one target share a concurrency limit, e.g. one tool. */
  default String target(EffectCall call) {
    return kind();
  }

  /** Calls to one server share a circuit breaker, e.g. the tool's MCP server. */
  default String server(EffectCall call) {
    return kind();
  }

  /**
   * @return the effect's output, handed to the processor as {@link EffectResult.Succeeded}
   * @throws EffectRefusal for a clean refusal: nothing changed outside
   * @throws Exception anything else counts as a crash: its outcome is unknown
   */
  JsonNode run(EffectCall call) throws Exception;

  /**
   * Public events that report a result, written with the result itself: by the effect worker in the
   * transaction that records it (saving a hop), or by the stream when the edge decided the result
   * (a deadline passed) or the worker wrote it late. Must be plain construction: it runs on either
   * side. None by default; the processor then decides in {@code onEffectResult}.
   */
  default List<SwitchboardEvent> resultEvents(EffectCall call, EffectResult result) {
    return List.of();
  }

  /**
   * Attributes of the effect's span once the call ended, e.g. a model call's model and tokens.
   * Never content (prompts, arguments, outputs): that goes through {@link #requestContent} and
   * {@link #outputContent}, recorded only when {@code switchboard.tracing.capture-content} is on.
   */
  default Attributes spanAttributes(EffectCall call, EffectResult result) {
    return Attributes.empty();
  }

  /** The request's content (a tool's arguments, a model call's messages); the whole by default. */
  default JsonNode requestContent(EffectCall call) {
    return call.request();
  }

  /** The output's content (a tool's result, a model's reply); the whole by default. */
  default JsonNode outputContent(EffectCall call, JsonNode output) {
    return output;
  }
}
