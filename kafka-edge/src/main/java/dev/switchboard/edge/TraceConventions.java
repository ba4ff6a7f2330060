package dev.switchboard.edge;

import io.opentelemetry.api.common.AttributeKey;

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

  /** {@code send {topic}} and {@code process {topic}}. */
  static String messagingSpan(String operation, String topic) {
    return operation + " " + topic;
  }
}
