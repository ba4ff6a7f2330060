package dev.switchboard.trace;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseMessageReaderTest {

  @Test
  void shouldReadEventsCommentsAndMultiLineData() throws IOException {
    List<SseMessage> messages =
        read(
            "retry:2000\nid:3\nevent:journal\ndata:{\"a\":1,\ndata: \"b\":2}\n\n"
                + ":keep-alive\n\n"
                + "data:plain\n\n"
                + "id:4\nevent:update\n:between lines\ndata:x\n\n"
                + "event:no-data\n\n"
                + "data:unterminated");

    assertThat(messages)
        .containsExactly(
            new SseMessage.Event("3", "journal", "{\"a\":1,\n\"b\":2}"),
            new SseMessage.Comment("keep-alive"),
            new SseMessage.Event(null, "message", "plain"),
            new SseMessage.Comment("between lines"),
            new SseMessage.Event("4", "update", "x"));
  }

  @Test
  void shouldReadCarriageReturnLineEnds() throws IOException {
    assertThat(read("event:a\r\ndata:1\r\n\r\n"))
        .containsExactly(new SseMessage.Event(null, "a", "1"));
  }

  private static List<SseMessage> read(String stream) throws IOException {
    List<SseMessage> messages = new ArrayList<>();
    try (SseMessageReader reader =
        new SseMessageReader(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)))) {
      SseMessage message;
      while ((message = reader.next()) != null) {
        messages.add(message);
      }
    }
    return messages;
  }
}
