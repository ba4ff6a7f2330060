package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.event.ActionRequestEvent.ActionRequested;
import dev.switchboard.contracts.event.EscalationEvent;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.GoalEvent;
import dev.switchboard.contracts.event.GoalEvent.GoalSubmitted;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.ResolutionEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.contracts.event.VerdictEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventCodecTest {
  private final EventCodec codec = new EventCodec();

  static Stream<Named<SwitchboardEvent>> samples() {
    return SampleEvents.named(SampleEvents.all());
  }

  @ParameterizedTest
  @MethodSource("samples")
  void shouldRoundTripEveryEventType(SwitchboardEvent event) {
    Topic<SwitchboardEvent> topic = Topics.carrying(event.getClass());

    SwitchboardEvent decoded = codec.decode(topic, codec.encode(event));

    assertThat(decoded).isEqualTo(event).hasSameClassAs(event);
  }

  @ParameterizedTest
  @MethodSource("samples")
  void shouldWriteTypeAndSchemaVersion(SwitchboardEvent event) {
    JsonNode wire = wire(event);

    assertThat(wire.get("type").asString()).isEqualTo(EventCodec.typeName(event));
    assertThat(wire.get("schemaVersion").isInt()).isTrue();
    assertThat(wire.get("schemaVersion").intValue()).isEqualTo(SwitchboardEvent.SCHEMA_VERSION);
    assertThat(wire.get("goalId").asString()).isEqualTo(event.goalId());
    assertThat(wire.get("eventId").asString()).isEqualTo(event.eventId().toString());
  }

  @Test
  void shouldHaveSamplesOfEveryEventTypeOfEveryTopic() {
    for (Topic<?> topic : Topics.ALL) {
      Set<Class<?>> sampled =
          SampleEvents.of(topic).stream().map(Object::getClass).collect(Collectors.toSet());

      assertThat(sampled)
          .as("sample events of topic %s", topic.baseName())
          .containsExactlyInAnyOrder(topic.valueType().getPermittedSubclasses());
    }
  }

  @Test
  void shouldWriteInstantsAsIsoStringsAndAbsentFieldsAsNull() {
    JsonNode wire =
        wire(new GoalCompleted("g-1", UUID.randomUUID(), null, SampleEvents.AT, "done", null));

    assertThat(wire.get("occurredAt").isString()).isTrue();
    assertThat(wire.get("occurredAt").asString()).isEqualTo("2025-03-04T05:06:07.123456789Z");
    assertThat(wire.get("causationId").isNull()).isTrue();
    assertThat(wire.get("results").isNull()).isTrue();
  }

  @Test
  void shouldWriteArgumentsAsPlainJson() {
    ActionRequested request =
        new ActionRequested(
            "g-1",
            UUID.randomUUID(),
            null,
            SampleEvents.AT,
            SampleEvents.sendMail(),
            null,
            SampleEvents.AT,
            null,
            null);

    JsonNode action = wire(request).get("action");

    assertThat(action.get("arguments")).isEqualTo(SampleEvents.sendMail().arguments());
    assertThat(action.get("dependsOn").get(0).asString()).isEqualTo("act-1");
    assertThat(action.get("sideEffect").booleanValue()).isTrue();
  }

  @Test
  void shouldDecodeMinimalGoalAsAKcatUserWouldWriteIt() {
    GoalSubmitted goal =
        (GoalSubmitted)
            decode(
                Topics.GOALS,
                "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"Say hi\"}");

    assertThat(goal.goalId()).isEqualTo("g-1");
    assertThat(goal.description()).isEqualTo("Say hi");
    assertThat(goal.eventId()).isNotNull();
    assertThat(goal.occurredAt()).isNotNull();
    assertThat(goal.causationId()).isNull();
    assertThat(goal.agent()).isNull();
    assertThat(goal.inputs()).isEmpty();
  }

  @Test
  void shouldDeriveTheSameEventIdForTheSameGoalId() {
    UUID first = decode(Topics.GOALS, minimalGoal("g-1")).eventId();
    UUID again = decode(Topics.GOALS, minimalGoal("g-1")).eventId();
    UUID other = decode(Topics.GOALS, minimalGoal("g-2")).eventId();
    UUID cancelled =
        decode(Topics.GOALS, "{\"type\":\"GoalCancelled\",\"goalId\":\"g-1\"}").eventId();

    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
    assertThat(cancelled).isNotEqualTo(first);
  }

  @Test
  void shouldKeepTheProducersEventIdWhenGiven() {
    UUID eventId = UUID.randomUUID();

    GoalEvent goal =
        decode(
            Topics.GOALS,
            "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"x\",\"eventId\":\""
                + eventId
                + "\",\"occurredAt\":\"2025-01-01T10:00:00+02:00\"}");

    assertThat(goal.eventId()).isEqualTo(eventId);
    assertThat(goal.occurredAt()).isEqualTo(Instant.parse("2025-01-01T08:00:00Z"));
  }

  @Test
  void shouldIgnoreUnknownFields() {
    GoalEvent goal =
        decode(
            Topics.GOALS,
            """
            {"type": "GoalSubmitted", "goalId": "g-1", "description": "x",
             "priority": 7, "nested": {"a": [1, 2]}, "inputs": {"k": "v"}, "schemaVersion": 1}""");

    assertThat(goal).isInstanceOf(GoalSubmitted.class);
    assertThat(((GoalSubmitted) goal).inputs()).containsEntry("k", "v");
  }

  @Test
  void shouldIgnoreUnknownFieldsInNestedObjects() {
    ObjectNode wire = (ObjectNode) wire(SampleEvents.of(Topics.ESCALATION).getFirst());
    ((ObjectNode) wire.get("action")).put("costEstimate", 12);
    wire.put("newField", "new");

    EscalationEvent decoded = codec.decode(Topics.ESCALATION, bytes(wire.toString()));

    assertThat(decoded).isEqualTo(SampleEvents.of(Topics.ESCALATION).getFirst());
  }

  @ParameterizedTest
  @ValueSource(strings = {"not json", "{\"type\":\"GoalSubmitted\"", "{\"a\":1} trailing"})
  void shouldRejectWhatIsNotJson(String value) {
    assertReason(Topics.GOALS, value).startsWith("not valid JSON: ");
  }

  @ParameterizedTest
  @ValueSource(strings = {"[1, 2]", "\"GoalSubmitted\"", "42", "null", "true"})
  void shouldRejectJsonThatIsNotAnObject(String value) {
    assertReason(Topics.GOALS, value).isEqualTo("record value is not a JSON object");
  }

  @Test
  void shouldRejectAnEmptyRecord() {
    assertThatThrownBy(() -> codec.decode(Topics.GOALS, new byte[0]))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("empty record value");
    assertThatThrownBy(() -> codec.decode(Topics.GOALS, null))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("empty record value");
  }

  @Test
  void shouldNameAnUnknownType() {
    assertReason(Topics.GOALS, "{\"type\":\"GoalExploded\",\"goalId\":\"g-1\"}")
        .isEqualTo("unknown type 'GoalExploded' for topic goals");
  }

  @Test
  void shouldRejectATypeOfAnotherTopic() {
    byte[] outcome = codec.encode(SampleEvents.of(Topics.OUTCOME).getFirst());

    assertThatThrownBy(() -> codec.decode(Topics.GOALS, outcome))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("unknown type 'GoalCompleted' for topic goals");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"goalId\":\"g-1\",\"description\":\"x\"}",
        "{\"type\":null,\"goalId\":\"g-1\",\"description\":\"x\"}"
      })
  void shouldRejectAMissingType(String value) {
    assertReason(Topics.GOALS, value).isEqualTo("missing 'type' for topic goals");
  }

  @Test
  void shouldNameAMissingRequiredField() {
    assertReason(Topics.GOALS, "{\"type\":\"GoalSubmitted\",\"description\":\"x\"}")
        .isEqualTo("goalId is required");
    assertReason(Topics.GOALS, "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\"}")
        .isEqualTo("description is required");
    assertReason(
            Topics.GOALS, "{\"type\":\"GoalSubmitted\",\"goalId\":\" \",\"description\":\"x\"}")
        .isEqualTo("goalId is required");
    assertReason(
            Topics.OUTCOME, "{\"type\":\"GoalCompleted\",\"goalId\":\"g-1\",\"summary\":\"x\"}")
        .isEqualTo("eventId is required");
  }

  @Test
  void shouldNameAMissingNestedField() {
    ObjectNode wire = (ObjectNode) wire(SampleEvents.of(Topics.ESCALATION).getFirst());
    ((ObjectNode) wire.get("action")).remove("tool");

    assertReason(Topics.ESCALATION, wire.toString()).isEqualTo("action: tool is required");
  }

  @Test
  void shouldTreatJsonNullAsMissingForRequiredJson() {
    ObjectNode wire =
        (ObjectNode)
            wire(
                SampleEvents.of(Topics.RESOLUTION).stream()
                    .filter(ResolutionEvent.Edited.class::isInstance)
                    .findFirst()
                    .orElseThrow());
    wire.putNull("arguments");

    assertReason(Topics.RESOLUTION, wire.toString()).isEqualTo("arguments is required");
  }

  @Test
  void shouldNameAFieldOfTheWrongType() {
    assertReason(
            Topics.GOALS,
            "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"x\",\"eventId\":\"nope\"}")
        .startsWith("eventId: ");
    assertReason(
            Topics.GOALS,
            "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"x\",\"occurredAt\":\"yesterday\"}")
        .startsWith("occurredAt: ");
    assertReason(
            Topics.GOALS,
            "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"x\",\"inputs\":{\"a\":{}}}")
        .startsWith("inputs.a: ");
  }

  @Test
  void shouldRejectAnOversizedRecord() {
    EventCodec small = new EventCodec(100);
    String big =
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\""
            + "x".repeat(200)
            + "\"}";

    assertThatThrownBy(() -> small.decode(Topics.GOALS, bytes(big)))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("record of " + bytes(big).length + " bytes exceeds the limit of 100");
    assertThat(new EventCodec().decode(Topics.GOALS, bytes(big))).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "0", "-1", "99999999999", "\"1\"", "1.5"})
  void shouldRejectAnUnsupportedSchemaVersion(String version) {
    assertReason(
            Topics.GOALS,
            "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"x\",\"schemaVersion\":"
                + version
                + "}")
        .startsWith("unsupported schemaVersion " + version + " ")
        .contains("reads up to " + SwitchboardEvent.SCHEMA_VERSION);
  }

  @Test
  void shouldAcceptTheCurrentOrAbsentSchemaVersion() {
    for (String version : new String[] {"1", "null"}) {
      assertThat(
              decode(
                  Topics.GOALS,
                  "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"x\",\"schemaVersion\":"
                      + version
                      + "}"))
          .isInstanceOf(GoalSubmitted.class);
    }
  }

  @Test
  void shouldDefaultNullArgumentsToAnEmptyObject() {
    ObjectNode wire = (ObjectNode) wire(SampleEvents.of(Topics.ESCALATION).getFirst());
    ((ObjectNode) wire.get("action")).putNull("arguments");

    EscalationEvent.ApprovalRequested decoded =
        (EscalationEvent.ApprovalRequested) codec.decode(Topics.ESCALATION, bytes(wire.toString()));

    assertThat(decoded.action().arguments().isObject()).isTrue();
    assertThat(decoded.action().arguments().isEmpty()).isTrue();
  }

  @Test
  void shouldWriteCanonicalBytesIndependentOfKeyOrder() {
    JsonNode one =
        SampleEvents.json("{\"b\": {\"y\": 1, \"x\": [{\"q\": 1, \"p\": 2}]}, \"a\": null}");
    JsonNode two =
        SampleEvents.json("{\"a\": null, \"b\": {\"x\": [{\"p\": 2, \"q\": 1}], \"y\": 1}}");

    assertThat(codec.canonicalBytes(one)).isEqualTo(codec.canonicalBytes(two));
    assertThat(new String(codec.canonicalBytes(one), StandardCharsets.UTF_8))
        .isEqualTo("{\"a\":null,\"b\":{\"x\":[{\"p\":2,\"q\":1}],\"y\":1}}");
  }

  private <E extends SwitchboardEvent> E decode(Topic<E> topic, String value) {
    return codec.decode(topic, bytes(value));
  }

  private AbstractStringAssert<?> assertReason(Topic<?> topic, String value) {
    try {
      codec.decode(topic, bytes(value));
    } catch (MalformedEventException e) {
      return assertThat(e.getMessage());
    }
    throw new AssertionError("expected " + value + " to be rejected on " + topic.baseName());
  }

  private JsonNode wire(SwitchboardEvent event) {
    return codec.mapper().readTree(codec.encode(event));
  }

  private static byte[] bytes(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static String minimalGoal(String goalId) {
    return "{\"type\":\"GoalSubmitted\",\"goalId\":\"" + goalId + "\",\"description\":\"x\"}";
  }

  @Test
  void shouldWriteAnApprovalSlaAsAnIsoDuration() {
    ApprovalRequested approval =
        SampleEvents.of(Topics.ESCALATION).stream()
            .filter(ApprovalRequested.class::isInstance)
            .map(ApprovalRequested.class::cast)
            .filter(ApprovalRequested::fourEyes)
            .findFirst()
            .orElseThrow();

    JsonNode wire = SampleEvents.JSON.readTree(codec.encode(approval));

    assertThat(wire.get("sla").asString()).isEqualTo("PT4H");
    assertThat(wire.get("approverRole").asString()).isEqualTo("sales-approver");
    assertThat(wire.get("fourEyes").asBoolean()).isTrue();
  }

  @Test
  void shouldReadAnApprovalWrittenBeforeRolesAndSlasExisted() {
    String old =
        "{\"type\":\"ApprovalRequested\",\"goalId\":\"g-1\",\"eventId\":\"%s\","
                .formatted(UUID.randomUUID())
            + "\"occurredAt\":\"2025-01-01T00:00:00Z\",\"escalationId\":\"e-1\","
            + "\"queue\":\"human:approvers\",\"action\":{\"actionId\":\"a\",\"tool\":\"t\"}}";

    ApprovalRequested decoded =
        (ApprovalRequested) codec.decode(Topics.ESCALATION, old.getBytes(StandardCharsets.UTF_8));

    assertThat(decoded.approverRole()).isNull();
    assertThat(decoded.fourEyes()).isFalse();
    assertThat(decoded.sla()).isNull();
  }

  @Test
  void shouldReadAVerdictWrittenBeforeTheAuditRecordExisted() {
    String old =
        "{\"type\":\"ActionAllowed\",\"goalId\":\"g-1\",\"eventId\":\"%s\","
                .formatted(UUID.randomUUID())
            + "\"occurredAt\":\"2025-01-01T00:00:00Z\",\"actionId\":\"a\",\"policy\":\"p\"}";

    VerdictEvent decoded = codec.decode(Topics.VERDICT, old.getBytes(StandardCharsets.UTF_8));

    assertThat(decoded.audit()).isNull();
    assertThat(decoded.policy()).isEqualTo("p");
  }
}
