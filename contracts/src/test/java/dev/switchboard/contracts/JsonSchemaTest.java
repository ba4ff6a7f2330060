package dev.switchboard.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import dev.switchboard.contracts.catalog.AgentEntry;
import dev.switchboard.contracts.catalog.Catalogs;
import dev.switchboard.contracts.catalog.ToolEntry;
import dev.switchboard.contracts.event.EscalationEvent.HandoffRequested;
import dev.switchboard.contracts.event.ModelUsage;
import dev.switchboard.contracts.event.OutcomeEvent;
import dev.switchboard.contracts.event.SwitchboardEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The published JSON Schemas describe exactly what the codec writes and reads. */
class JsonSchemaTest {
  /** The topics outside systems write or read, and their schema files on the classpath. */
  static final Map<Topic<?>, String> PUBLIC_TOPICS =
      Map.of(
          Topics.GOALS, "goals.schema.json",
          Topics.OUTCOME, "outcome.schema.json",
          Topics.ESCALATION, "escalation.schema.json",
          Topics.RESOLUTION, "resolution.schema.json");

  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(
          SpecificationVersion.DRAFT_2020_12,
          builder ->
              builder.schemaRegistryConfig(
                  SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

  private final EventCodec codec = new EventCodec();

  static Stream<Named<SwitchboardEvent>> publicSamples() {
    return SampleEvents.named(
        SampleEvents.all().stream()
            .filter(event -> PUBLIC_TOPICS.containsKey(Topics.carrying(event.getClass())))
            .toList());
  }

  @ParameterizedTest
  @MethodSource("publicSamples")
  void shouldValidateEverySerializedEventOfEachPublicTopic(SwitchboardEvent event) {
    Schema schema = schemaFor(Topics.carrying(event.getClass()));
    String wire = new String(codec.encode(event), StandardCharsets.UTF_8);

    assertThat(errors(schema, wire)).as(wire).isEmpty();
  }

  @Test
  void shouldListExactlyTheEventTypesOfEachTopic() {
    PUBLIC_TOPICS.forEach(
        (topic, file) -> {
          JsonNode schema = schemaJson(file);
          List<String> typeNames =
              Arrays.stream(topic.valueType().getPermittedSubclasses())
                  .map(Class::getSimpleName)
                  .toList();

          List<String> listed = new ArrayList<>();
          schema.get("properties").get("type").get("enum").forEach(n -> listed.add(n.asString()));
          List<String> consts = new ArrayList<>();
          for (JsonNode ref : schema.get("oneOf")) {
            String name = ref.get("$ref").asString().substring("#/$defs/".length());
            consts.add(
                schema
                    .get("$defs")
                    .get(name)
                    .get("properties")
                    .get("type")
                    .get("const")
                    .asString());
          }

          assertThat(listed).as(file).containsExactlyInAnyOrderElementsOf(typeNames);
          assertThat(consts).as(file).containsExactlyInAnyOrderElementsOf(typeNames);
          assertThat(schema.get("$schema").asString())
              .isEqualTo("https://json-schema.org/draft/2020-12/schema");
        });
  }

  @Test
  void shouldAcceptTheMinimalGoalAKcatUserWrites() {
    String goal = "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"Say hi\"}";

    assertThat(errors(schemaFor(Topics.GOALS), goal)).isEmpty();
    assertThat(codec.decode(Topics.GOALS, goal.getBytes(StandardCharsets.UTF_8))).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"type\":\"GoalCancelled\",\"goalId\":\"g-1\"}",
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"x\",\"agent\":\"sdr\","
            + "\"inputs\":{\"lead\":\"ada@example.com\"},\"eventId\":null,\"occurredAt\":null,"
            + "\"causationId\":null,\"schemaVersion\":1}",
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"x\","
            + "\"occurredAt\":\"2025-01-01T10:00:00.5+02:00\","
            + "\"eventId\":\"0b6f1f7e-5d1a-4b7e-9a43-2d6c2b8f0a11\"}",
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"x\",\"priority\":\"high\","
            + "\"extra\":{\"nested\":[1,2]}}"
      })
  void shouldAcceptGoalsThatTheCodecAccepts(String goal) {
    assertThat(errors(schemaFor(Topics.GOALS), goal)).isEmpty();
    assertThat(codec.decode(Topics.GOALS, goal.getBytes(StandardCharsets.UTF_8))).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        // missing description
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\"}",
        // blank description
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"  \"}",
        // null description
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":null}",
        // missing goalId
        "{\"type\":\"GoalSubmitted\",\"description\":\"x\"}",
        // missing type
        "{\"goalId\":\"g-1\",\"description\":\"x\"}",
        // unknown type
        "{\"type\":\"GoalExploded\",\"goalId\":\"g-1\",\"description\":\"x\"}",
        // a type of another topic
        "{\"type\":\"GoalCompleted\",\"goalId\":\"g-1\",\"description\":\"x\"}",
        // eventId not a UUID
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"x\",\"eventId\":\"nope\"}",
        // occurredAt not a date-time
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"x\",\"occurredAt\":\"yesterday\"}",
        // inputs not an object
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"x\",\"inputs\":[\"a\"]}",
        // inputs not strings
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"x\",\"inputs\":{\"a\":{}}}",
        // newer schema version
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":\"x\",\"schemaVersion\":2}",
        // not an object
        "[\"GoalSubmitted\"]"
      })
  void shouldRejectGoalsThatTheCodecRejects(String goal) {
    assertThat(errors(schemaFor(Topics.GOALS), goal)).isNotEmpty();
    assertThatThrownBy(() -> codec.decode(Topics.GOALS, goal.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedEventException.class);
  }

  @Test
  void shouldRejectAGoalIdLongerThan200Characters() {
    String goal =
        "{\"type\":\"GoalSubmitted\",\"goalId\":\"" + "g".repeat(201) + "\",\"description\":\"x\"}";

    assertThat(errors(schemaFor(Topics.GOALS), goal)).isNotEmpty();
    assertThatThrownBy(() -> codec.decode(Topics.GOALS, goal.getBytes(StandardCharsets.UTF_8)))
        .hasMessage("goalId is longer than 200 characters");
  }

  @Test
  void shouldRejectAGoalWithoutDescription() {
    List<Error> errors =
        errors(schemaFor(Topics.GOALS), "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\"}");

    assertThat(errors).extracting(Error::getMessage).anyMatch(m -> m.contains("description"));
  }

  @Test
  void shouldRejectAGoalOfTheWrongType() {
    assertThat(
            errors(
                schemaFor(Topics.GOALS),
                "{\"type\":\"GoalDone\",\"goalId\":\"g-1\",\"description\":\"x\"}"))
        .isNotEmpty();
    assertThat(
            errors(
                schemaFor(Topics.GOALS),
                "{\"type\":\"GoalSubmitted\",\"goalId\":\"g-1\",\"description\":42}"))
        .isNotEmpty();
    assertThat(
            errors(
                schemaFor(Topics.GOALS),
                "{\"type\":\"GoalSubmitted\",\"goalId\":7,\"description\":\"x\"}"))
        .isNotEmpty();
  }

  @ParameterizedTest
  @MethodSource("publicSamples")
  void shouldRejectAnEventWithoutItsEnvelope(SwitchboardEvent event) {
    Schema schema = schemaFor(Topics.carrying(event.getClass()));
    for (String field : new String[] {"type", "goalId"}) {
      ObjectNode wire = wire(event);
      wire.remove(field);

      assertThat(errors(schema, wire.toString())).as("without %s", field).isNotEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("publicSamples")
  void shouldRejectAnEventWithAMalformedEventIdOrTime(SwitchboardEvent event) {
    Schema schema = schemaFor(Topics.carrying(event.getClass()));
    ObjectNode badId = wire(event).put("eventId", "42");
    ObjectNode badTime = wire(event).put("occurredAt", "2025-13-45 noon");

    assertThat(errors(schema, badId.toString())).isNotEmpty();
    assertThat(errors(schema, badTime.toString())).isNotEmpty();
  }

  @Test
  void shouldRequireTheEnvelopeOnEventsSwitchboardWrites() {
    for (Topic<?> topic : List.of(Topics.OUTCOME, Topics.ESCALATION, Topics.RESOLUTION)) {
      SwitchboardEvent event = SampleEvents.of(topic).getFirst();
      for (String field : new String[] {"eventId", "occurredAt", "schemaVersion"}) {
        ObjectNode wire = wire(event);
        wire.remove(field);

        assertThat(errors(schemaFor(topic), wire.toString()))
            .as("%s without %s", EventCodec.typeName(event), field)
            .isNotEmpty();
      }
    }
  }

  @Test
  void shouldRejectRequiredFieldsThatAreMissingOrNull() {
    assertRejected(Topics.OUTCOME, "GoalCompleted", "summary");
    assertRejected(Topics.OUTCOME, "GoalFailed", "reason");
    assertRejected(Topics.ESCALATION, "ApprovalRequested", "action");
    assertRejected(Topics.ESCALATION, "ApprovalRequested", "escalationId");
    assertRejected(Topics.ESCALATION, "HandoffRequested", "target");
    assertRejected(Topics.ESCALATION, "QuestionAsked", "question");
    assertRejected(Topics.ESCALATION, "ResolutionRefused", "reason");
    assertRejected(Topics.ESCALATION, "ResolutionRefused", "causationId");
    assertRejected(Topics.RESOLUTION, "Approved", "actor");
    assertRejected(Topics.RESOLUTION, "Denied", "reason");
    assertRejected(Topics.RESOLUTION, "Edited", "arguments");
    assertRejected(Topics.RESOLUTION, "Answered", "answer");
    assertRejected(Topics.RESOLUTION, "Reassigned", "newOwner");
  }

  @Test
  void shouldValidateModelUsageOnOutcomesAndRejectAMalformedOne() {
    ObjectNode completed =
        wire(
            new OutcomeEvent.GoalCompleted(
                "g-1",
                java.util.UUID.randomUUID(),
                null,
                java.time.Instant.parse("2026-12-01T10:00:00Z"),
                "done",
                null,
                new ModelUsage(3, 900, 60, new BigDecimal("0.0029"), ModelUsage.USD)));
    assertThat(completed.path("usage").path("inputTokens").asLong()).isEqualTo(900);
    assertThat(errors(schemaFor(Topics.OUTCOME), completed.toString())).isEmpty();

    ObjectNode negative = completed.deepCopy();
    ((ObjectNode) negative.get("usage")).put("outputTokens", -1);
    ObjectNode noCurrency = completed.deepCopy();
    ((ObjectNode) noCurrency.get("usage")).remove("currency");
    ObjectNode text = completed.deepCopy();
    text.put("usage", "900 tokens");

    assertThat(errors(schemaFor(Topics.OUTCOME), negative.toString())).isNotEmpty();
    assertThat(errors(schemaFor(Topics.OUTCOME), noCurrency.toString())).isNotEmpty();
    assertThat(errors(schemaFor(Topics.OUTCOME), text.toString())).isNotEmpty();
    assertThatThrownBy(() -> new ModelUsage(1, -1, 0, BigDecimal.ZERO, ModelUsage.USD))
        .hasMessageContaining("negative");
  }

  @Test
  void shouldRejectAPlannedActionWithoutTool() {
    ObjectNode wire = wire(SampleEvents.of(Topics.ESCALATION).getFirst());
    ((ObjectNode) wire.get("action")).remove("tool");

    assertThat(errors(schemaFor(Topics.ESCALATION), wire.toString())).isNotEmpty();
  }

  @Test
  void shouldAcceptAnyJsonAsArgumentsAndResults() {
    ObjectNode approval = wire(SampleEvents.of(Topics.ESCALATION).getFirst());
    ((ObjectNode) approval.get("action")).put("arguments", "just text");
    ObjectNode completed = wire(SampleEvents.of(Topics.OUTCOME).getFirst());
    completed.putArray("results").add(1).add("two");

    assertThat(errors(schemaFor(Topics.ESCALATION), approval.toString())).isEmpty();
    assertThat(errors(schemaFor(Topics.OUTCOME), completed.toString())).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("dev.switchboard.contracts.catalog.ToolEntries#all")
  void shouldValidateEveryToolsCatalogEntryTheCodecWrites(ToolEntry entry) {
    String wire = new String(codec.encode(entry), StandardCharsets.UTF_8);

    assertThat(errors(toolsSchema(), wire)).as(wire).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "annotations", "server", "updatedAt"})
  void shouldRejectAToolsEntryWithoutARequiredField(String field) {
    ObjectNode missing = toolWire();
    missing.remove(field);
    ObjectNode nulled = toolWire();
    nulled.putNull(field);

    assertThat(errors(toolsSchema(), missing.toString())).isNotEmpty();
    assertThat(errors(toolsSchema(), nulled.toString())).isNotEmpty();
    assertThatThrownBy(
            () -> codec.decode(Catalogs.TOOLS, missing.toString().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedEventException.class)
        .hasMessageContaining(field);
  }

  @Test
  void shouldRejectAToolsEntryWithABadNameOrAnnotation() {
    ObjectNode badName = toolWire().put("name", "send mail");
    ObjectNode textHint = toolWire();
    ((ObjectNode) textHint.get("annotations")).put("readOnlyHint", "yes");
    ObjectNode partialHints = toolWire();
    ((ObjectNode) partialHints.get("annotations")).remove("openWorldHint");

    assertThat(errors(toolsSchema(), badName.toString())).isNotEmpty();
    assertThat(errors(toolsSchema(), textHint.toString())).isNotEmpty();
    assertThat(errors(toolsSchema(), partialHints.toString())).isNotEmpty();
    assertThatThrownBy(
            () -> codec.decode(Catalogs.TOOLS, badName.toString().getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(MalformedEventException.class);
  }

  private ObjectNode toolWire() {
    return (ObjectNode)
        codec
            .mapper()
            .readTree(codec.encode(dev.switchboard.contracts.catalog.ToolEntries.lookup()));
  }

  private static Schema toolsSchema() {
    try (InputStream in = resource("tools.schema.json")) {
      return REGISTRY.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void shouldValidateTheHandoffContextAndRejectAMalformedOne() {
    ObjectNode handoff =
        wire(
            SampleEvents.of(Topics.ESCALATION).stream()
                .filter(e -> e instanceof HandoffRequested h && h.context() != null)
                .findFirst()
                .orElseThrow());
    ObjectNode badHistory = handoff.deepCopy();
    ((ObjectNode) badHistory.get("context")).put("history", "not a list");

    assertThat(handoff.get("context").get("facts").get("account_id").asString()).isEqualTo("A-1");
    assertThat(errors(schemaFor(Topics.ESCALATION), handoff.toString())).isEmpty();
    assertThat(errors(schemaFor(Topics.ESCALATION), badHistory.toString())).isNotEmpty();
  }

  @Test
  void shouldValidateTheAgentsCatalogEntryAsTheCodecWritesIt() {
    Schema schema = schemaOfFile("agents.schema.json");
    AgentEntry entry =
        new AgentEntry(
            "sdr",
            "sha256:" + "ab".repeat(32),
            "Qualifies leads",
            "deterministic",
            List.of("crm.lookup_account", "email.send"),
            List.of("agent:researcher", "human:sales-ops"),
            new AgentEntry.Budgets(20, Duration.ofMinutes(30), 0, new BigDecimal("0.50"), 3));
    String json = codec.mapper().writeValueAsString(entry);
    ObjectNode wire = (ObjectNode) codec.mapper().readTree(json);
    ObjectNode badTarget = wire.deepCopy();
    badTarget.putArray("handoffs").add("researcher");
    ObjectNode noHash = wire.deepCopy();
    noHash.remove("contentHash");

    assertThat(errors(schema, json)).as(json).isEmpty();
    assertThat(wire.get("budgets").get("maxWallTime").asString()).isEqualTo("PT30M");
    assertThat(codec.mapper().readValue(json, AgentEntry.class)).isEqualTo(entry);
    assertThat(errors(schema, badTarget.toString())).isNotEmpty();
    assertThat(errors(schema, noHash.toString())).isNotEmpty();
    assertThat(Catalogs.AGENTS.valueType()).isEqualTo(AgentEntry.class);
    assertThat(Catalogs.writtenBy(Service.PLANNER)).contains(Catalogs.AGENTS);
  }

  private void assertRejected(Topic<?> topic, String type, String field) {
    SwitchboardEvent event =
        SampleEvents.of(topic).stream()
            .filter(e -> EventCodec.typeName(e).equals(type))
            .findFirst()
            .orElseThrow();
    Schema schema = schemaFor(topic);
    ObjectNode missing = wire(event);
    missing.remove(field);
    ObjectNode nulled = wire(event);
    nulled.putNull(field);

    assertThat(errors(schema, wire(event).toString())).as("%s as written", type).isEmpty();
    assertThat(errors(schema, missing.toString())).as("%s without %s", type, field).isNotEmpty();
    assertThat(errors(schema, nulled.toString())).as("%s with null %s", type, field).isNotEmpty();
    assertThatThrownBy(
            () -> codec.decode(topic, missing.toString().getBytes(StandardCharsets.UTF_8)))
        .as("codec: %s without %s", type, field)
        .isInstanceOf(MalformedEventException.class);
  }

  private ObjectNode wire(SwitchboardEvent event) {
    return (ObjectNode) codec.mapper().readTree(codec.encode(event));
  }

  private static List<Error> errors(Schema schema, String json) {
    return schema.validate(json, InputFormat.JSON);
  }

  private static Schema schemaFor(Topic<?> topic) {
    String file = PUBLIC_TOPICS.get(topic);
    assertThat(file).as("schema of topic %s", topic.baseName()).isNotNull();
    return schemaOfFile(file);
  }

  private static Schema schemaOfFile(String file) {
    try (InputStream in = resource(file)) {
      return REGISTRY.getSchema(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private JsonNode schemaJson(String file) {
    try (InputStream in = resource(file)) {
      return codec.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String file) {
    InputStream in = JsonSchemaTest.class.getResourceAsStream("/schemas/" + file);
    assertThat(in).as("classpath resource /schemas/%s", file).isNotNull();
    return in;
  }
}
