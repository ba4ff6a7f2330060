package dev.switchboard.contracts.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.MalformedEventException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ToolEntryTest {
  private final EventCodec codec = new EventCodec();

  @ParameterizedTest
  @MethodSource("dev.switchboard.contracts.catalog.ToolEntries#all")
  void shouldComeBackEqualFromItsWireForm(ToolEntry entry) {
    assertThat(codec.decode(Catalogs.TOOLS, codec.encode(entry))).isEqualTo(entry);
  }

  @Test
  void shouldWriteTheEffectiveAnnotationsUnderMcpNames() {
    String wire = new String(codec.encode(ToolEntries.send()), StandardCharsets.UTF_8);

    assertThat(wire)
        .contains(
            "\"annotations\":{\"readOnlyHint\":false,\"destructiveHint\":false,"
                + "\"idempotentHint\":false,\"openWorldHint\":true}")
        .contains("\"schemaVersion\":1")
        .doesNotContain("sideEffect")
        .doesNotContain("retrySafe");
  }

  @Test
  void shouldTakeTheCautiousDefaultForAnnotationsMissingOnTheWire() {
    ToolEntry entry =
        decode(
            "{\"name\":\"x.y\",\"server\":\"s\",\"updatedAt\":\"2026-01-01T00:00:00Z\","
                + "\"annotations\":{\"readOnlyHint\":false}}");

    assertThat(entry.annotations()).isEqualTo(ToolEntry.Annotations.CAUTIOUS);
    assertThat(entry.sideEffect()).isTrue();
    assertThat(entry.retrySafe()).isFalse();
    assertThat(entry.description()).isEmpty();
    assertThat(entry.inputSchema().toString()).isEqualTo("{\"type\":\"object\"}");
  }

  @Test
  void shouldTreatAReadOnlyToolAsNeitherDestructiveNorUnsafeToRepeat() {
    ToolEntry.Annotations annotations = new ToolEntry.Annotations(true, true, false, true);

    assertThat(annotations.destructiveHint()).isFalse();
    assertThat(annotations.idempotentHint()).isTrue();
    assertThat(annotations.openWorldHint()).isTrue();
  }

  @Test
  void shouldSayWhichFieldIsMissing() {
    assertThatThrownBy(
            () ->
                decode(
                    "{\"name\":\"x.y\",\"updatedAt\":\"2026-01-01T00:00:00Z\",\"annotations\":{}}"))
        .isInstanceOf(MalformedEventException.class)
        .hasMessage("tools entry: server is required");
    assertThatThrownBy(() -> decode("{\"name\":\"x.y\",\"server\":\"s\",\"annotations\":{}}"))
        .hasMessage("tools entry: updatedAt is required");
    assertThatThrownBy(
            () ->
                decode(
                    "{\"name\":\"x.y\",\"server\":\"s\",\"updatedAt\":\"2026-01-01T00:00:00Z\"}"))
        .hasMessage("tools entry: annotations is required");
  }

  @Test
  void shouldRefuseANameThatIsNoToolName() {
    assertThatThrownBy(
            () ->
                decode(
                    "{\"name\":\"send mail\",\"server\":\"s\",\"updatedAt\":\"2026-01-01T00:00:00Z\","
                        + "\"annotations\":{}}"))
        .hasMessageContaining("name must be 1 to 200 letters, digits, '.', '_' or '-'");
  }

  @Test
  void shouldRefuseWhatIsNotAnEntry() {
    assertThatThrownBy(() -> decode("{oops"))
        .hasMessageStartingWith("tools entry is not valid JSON");
    assertThatThrownBy(() -> decode("[1]")).hasMessage("record value is not a JSON object");
    assertThatThrownBy(() -> decode("")).hasMessage("empty tools entry");
    assertThatThrownBy(
            () ->
                decode(
                    "{\"name\":\"x\",\"server\":\"s\",\"updatedAt\":\"2026-01-01T00:00:00Z\","
                        + "\"annotations\":{},\"schemaVersion\":9}"))
        .hasMessageContaining("unsupported schemaVersion 9");
    assertThatThrownBy(
            () ->
                decode(
                    "{\"name\":\"x\",\"server\":\"s\",\"updatedAt\":\"2026-01-01T00:00:00Z\","
                        + "\"annotations\":{},\"inputSchema\":[1]}"))
        .hasMessage("tools entry: inputSchema must be a JSON object");
  }

  @Test
  void shouldRefuseAnEntryOverTheSizeLimit() {
    EventCodec small = new EventCodec(50);

    assertThatThrownBy(() -> small.decode(Catalogs.TOOLS, small.encode(ToolEntries.lookup())))
        .hasMessageContaining("exceeds the limit of 50");
  }

  @Test
  void shouldBeWrittenByTheExecutorOnly() {
    assertThat(Catalogs.ALL).contains(Catalogs.TOOLS);
    assertThat(Catalogs.TOOLS.baseName()).isEqualTo("tools");
    assertThat(Catalogs.writtenBy(dev.switchboard.contracts.Service.EXECUTOR))
        .containsExactly(Catalogs.TOOLS);
    assertThat(Catalogs.writtenBy(dev.switchboard.contracts.Service.PLANNER))
        .doesNotContain(Catalogs.TOOLS);
  }

  private ToolEntry decode(String json) {
    return codec.decode(Catalogs.TOOLS, json.getBytes(StandardCharsets.UTF_8));
  }
}
