package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerSentEventsTest {

  @Test
  void shouldReadEventsWithIdsMultiLineDataAndComments() throws IOException {
    List<ServerSentEvents.Message> messages =
        read(
            "retry:2000\nid:7\nevent:journal\ndata:{\"a\":\ndata: 1}\n\n"
                + ":keep-alive\n\n"
                + "data:no name\n\n"
                + "event:empty\n\n"
                + "id:8\r\nevent:update\r\ndata:x\r\n\r\n"
                + "data:cut off");

    assertThat(messages)
        .containsExactly(
            new ServerSentEvents.Event("7", "journal", "{\"a\":\n1}"),
            new ServerSentEvents.Comment(),
            new ServerSentEvents.Event(null, "message", "no name"),
            new ServerSentEvents.Event("8", "update", "x"));
  }

  private static List<ServerSentEvents.Message> read(String stream) throws IOException {
    List<ServerSentEvents.Message> messages = new ArrayList<>();
    try (ServerSentEvents events =
        new ServerSentEvents(new ByteArrayInputStream(stream.getBytes(StandardCharsets.UTF_8)))) {
      ServerSentEvents.Message message;
      while ((message = events.next()) != null) {
        messages.add(message);
      }
    }
    return messages;
  }
}
