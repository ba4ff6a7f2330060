package dev.switchboard.edge;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The span names and attribute keys Switchboard's traces use, pinned here because the OpenTelemetry
 * semantic conventions for messaging and GenAI are still "Development" and may be renamed. A
 * dashboard or test that reads a trace reads these names.
 */
public final class TraceConventions {
  private TraceConventions() {}

  /** The instrumentation scope of every Switchboard span. */
  public static final String SCOPE = "dev.switchboard";

  // Messaging (Kafka)
  public static final String SEND = "send";
  public static final String PROCESS = "process";
  public static final String KAFKA = "kafka";
  public static final AttributeKey<String> MESSAGING_SYSTEM =
      AttributeKey.stringKey("messaging.system");
  public static final AttributeKey<String> MESSAGING_DESTINATION_NAME =
      AttributeKey.stringKey("messaging.destination.name");
  public static final AttributeKey<String> MESSAGING_OPERATION_NAME =
      AttributeKey.stringKey("messaging.operation.name");
  public static final AttributeKey<String> MESSAGING_OPERATION_TYPE =
      AttributeKey.stringKey("messaging.operation.type");
  public static final AttributeKey<String> MESSAGING_CONSUMER_GROUP_NAME =
      AttributeKey.stringKey("messaging.consumer.group.name");
  public static final AttributeKey<String> MESSAGING_DESTINATION_PARTITION_ID =
      AttributeKey.stringKey("messaging.destination.partition.id");
  public static final AttributeKey<Long> MESSAGING_KAFKA_OFFSET =
      AttributeKey.longKey("messaging.kafka.offset");
  public static final AttributeKey<String> MESSAGING_KAFKA_MESSAGE_KEY =
      AttributeKey.stringKey("messaging.kafka.message.key");

  // GenAI
  public static final String EXECUTE_TOOL = "execute_tool";
  public static final String CHAT = "chat";
  public static final String INVOKE_AGENT = "invoke_agent";
  public static final String PLAN = "plan";
  public static final AttributeKey<String> GEN_AI_AGENT_NAME =
      AttributeKey.stringKey("gen_ai.agent.name");
  public static final AttributeKey<String> GEN_AI_PROVIDER_NAME =
      AttributeKey.stringKey("gen_ai.provider.name");
  public static final AttributeKey<String> GEN_AI_RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");
  public static final AttributeKey<Long> GEN_AI_USAGE_INPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.input_tokens");
  public static final AttributeKey<Long> GEN_AI_USAGE_OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  // Content: only with switchboard.tracing.capture-content=true (see ContentCapture)
  public static final AttributeKey<String> GEN_AI_INPUT_MESSAGES =
      AttributeKey.stringKey("gen_ai.input.messages");
  public static final AttributeKey<String> GEN_AI_OUTPUT_MESSAGES =
      AttributeKey.stringKey("gen_ai.output.messages");
  public static final AttributeKey<String> GEN_AI_TOOL_CALL_ARGUMENTS =
      AttributeKey.stringKey("gen_ai.tool.call.arguments");
  public static final AttributeKey<String> GEN_AI_TOOL_CALL_RESULT =
      AttributeKey.stringKey("gen_ai.tool.call.result");
  public static final AttributeKey<String> GEN_AI_OPERATION_NAME =
      AttributeKey.stringKey("gen_ai.operation.name");
  public static final AttributeKey<String> GEN_AI_TOOL_NAME =
      AttributeKey.stringKey("gen_ai.tool.name");
  public static final AttributeKey<String> GEN_AI_TOOL_CALL_ID =
      AttributeKey.stringKey("gen_ai.tool.call.id");
  public static final AttributeKey<String> GEN_AI_REQUEST_MODEL =
      AttributeKey.stringKey("gen_ai.request.model");
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  // Switchboard's own
  public static final String AWAIT_PERSON = "await_person";
  public static final AttributeKey<String> GOAL_ID = AttributeKey.stringKey("switchboard.goal.id");
  public static final AttributeKey<String> SERVICE = AttributeKey.stringKey("switchboard.service");
  public static final AttributeKey<String> EVENT_TYPE =
      AttributeKey.stringKey("switchboard.event.type");
  public static final AttributeKey<String> EFFECT_KIND =
      AttributeKey.stringKey("switchboard.effect.kind");
  public static final AttributeKey<Long> EFFECT_ATTEMPT =
      AttributeKey.longKey("switchboard.effect.attempt");
  public static final AttributeKey<String> ESCALATION_ID =
      AttributeKey.stringKey("switchboard.escalation.id");
  public static final AttributeKey<String> APPROVER =
      AttributeKey.stringKey("switchboard.approver");
  public static final AttributeKey<String> RESOLUTION =
      AttributeKey.stringKey("switchboard.resolution");
  public static final AttributeKey<String> ACTION_ID =
      AttributeKey.stringKey("switchboard.action.id");
  public static final AttributeKey<String> GUARDRAIL_DECISION =
      AttributeKey.stringKey("switchboard.guardrail.decision");
  public static final AttributeKey<String> GUARDRAIL_POLICY =
      AttributeKey.stringKey("switchboard.guardrail.policy");
  public static final AttributeKey<String> GUARDRAIL_RULE =
      AttributeKey.stringKey("switchboard.guardrail.rule");
  public static final AttributeKey<String> HANDOFF_SOURCE =
      AttributeKey.stringKey("switchboard.handoff.source");
  public static final AttributeKey<String> HANDOFF_TARGET =
      AttributeKey.stringKey("switchboard.handoff.target");

  /**
   * Attributes a decision carries downstream in the records' W3C {@code baggage}, so every span of
   * the work it starts (in any service) gets them: the agent whose work it is.
   */
  static final List<AttributeKey<String>> CARRIED = List.of(GEN_AI_AGENT_NAME);

  /** {@code send {topic}} and {@code process {topic}}. */
  static String messagingSpan(String operation, String topic) {
    return operation + " " + topic;
  }
}
