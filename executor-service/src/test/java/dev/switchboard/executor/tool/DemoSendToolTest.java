package dev.switchboard.executor.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.EventCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoSendToolTest {
  private static final String MESSAGE =
      "{\"to\":\"pat.lee@acme.example\",\"subject\":\"Hello\",\"body\":\"Nice to meet you.\"}";
  private final JsonMapper mapper = new EventCodec().mapper();
  private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T10:00:00Z"), ZoneOffset.UTC);

  @TempDir Path outboxDir;

  @Test
  void shouldAppendOneLinePerMessageToTheOutbox() throws Exception {
    DemoSendTool tool = new DemoSendTool(outboxDir.resolve("nested"), mapper, clock);

    JsonNode output = tool.call(call("g-1/step-2", MESSAGE));

    assertThat(output.get("deliveredTo").asString()).isEqualTo("pat.lee@acme.example");
    assertThat(output.get("messageId").asString()).startsWith("msg-");
    assertThat(lines(tool.outbox()))
        .containsExactly(
            "{\"actionId\":\"g-1/step-2\",\"to\":\"pat.lee@acme.example\",\"subject\":\"Hello\","
                + "\"body\":\"Nice to meet you.\",\"sentAt\":\"2025-01-01T10:00:00Z\"}");
  }

  @Test
  void shouldSendEachActionIdOnceAndAnswerWithTheFirstMessageId() throws Exception {
    DemoSendTool tool = new DemoSendTool(outboxDir, mapper, clock);

    JsonNode first = tool.call(call("g-1/step-2", MESSAGE));
    JsonNode again = tool.call(call("g-1/step-2", MESSAGE));
    JsonNode other = tool.call(call("g-2/step-2", MESSAGE));

    assertThat(again).isEqualTo(first);
    assertThat(other.get("messageId")).isNotEqualTo(first.get("messageId"));
    assertThat(lines(tool.outbox())).hasSize(2);
  }

  @Test
  void shouldRememberMessagesSentBeforeARestart() throws Exception {
    JsonNode first = new DemoSendTool(outboxDir, mapper, clock).call(call("g-1/step-2", MESSAGE));
    DemoSendTool restarted = new DemoSendTool(outboxDir, mapper, clock);

    assertThat(restarted.call(call("g-1/step-2", MESSAGE))).isEqualTo(first);
    assertThat(lines(restarted.outbox())).hasSize(1);
  }

  @Test
  void shouldKeepLinesReadableAfterALineCutShortByACrash() throws Exception {
    DemoSendTool tool = new DemoSendTool(outboxDir, mapper, clock);
    Files.writeString(
        tool.outbox(), "{\"actionId\":\"g-0/st", StandardCharsets.UTF_8, StandardOpenOption.CREATE);

    tool.call(call("g-1/step-2", MESSAGE));

    assertThat(lines(tool.outbox())).hasSize(2).last().asString().startsWith("{\"actionId\":\"g-1");
    assertThat(tool.call(call("g-1/step-2", MESSAGE))).isNotNull();
    assertThat(lines(tool.outbox())).hasSize(2);
  }

  @Test
  void shouldRefuseAnAddressThatIsNoEmail() {
    DemoSendTool tool = new DemoSendTool(outboxDir, mapper, clock);

    assertThatThrownBy(
            () -> tool.call(call("a", "{\"to\":\"pat.lee\",\"subject\":\"s\",\"body\":\"b\"}")))
        .isInstanceOf(ToolFailure.class)
        .hasMessage("argument 'to' is not an email address");
    assertThat(tool.outbox()).doesNotExist();
  }

  @Test
  void shouldRefuseAMessageWithoutSubjectOrBody() {
    DemoSendTool tool = new DemoSendTool(outboxDir, mapper, clock);

    assertThatThrownBy(() -> tool.call(call("a", "{\"to\":\"a@b.example\",\"body\":\"b\"}")))
        .isInstanceOf(ToolFailure.class)
        .hasMessage("argument 'subject' is required and must be text");
    assertThatThrownBy(
            () -> tool.call(call("a", "{\"to\":\"a@b.example\",\"subject\":\"s\",\"body\":\" \"}")))
        .isInstanceOf(ToolFailure.class)
        .hasMessage("argument 'body' is required and must be text");
  }

  @Test
  void shouldChangeTheOutsideWorld() {
    DemoSendTool tool = new DemoSendTool(outboxDir, mapper, clock);

    assertThat(tool.name()).isEqualTo("demo.send");
    assertThat(tool.sideEffect()).isTrue();
  }

  private ToolCall call(String actionId, String arguments) {
    return new ToolCall(actionId, "g-1", mapper.readTree(arguments));
  }

  private static List<String> lines(Path outbox) throws IOException {
    return Files.readAllLines(outbox, StandardCharsets.UTF_8);
  }
}
