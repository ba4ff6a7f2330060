package dev.switchboard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads a server-sent-events stream as the HTML standard parses it: fields up to a blank line,
 * {@code data} lines joined with newlines, comments (the keep-alives) reported on their own.
 */
final class ServerSentEvents implements AutoCloseable {

  /** One message of the stream. */
  sealed interface Message {}

  /**
   * @param name the {@code event} field; {@code message} when absent
   */
  record Event(String id, String name, String data) implements Message {}

  /** A comment line, like a keep-alive: the stream is still alive. */
  record Comment() implements Message {}

  private final BufferedReader lines;
  private String id;
  private String name;
  private StringBuilder data;

  ServerSentEvents(InputStream stream) {
    this.lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
  }

  /** The next event or comment; null at the end of the stream. */
  Message next() throws IOException {
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.isEmpty()) {
        Event event =
            data == null ? null : new Event(id, name == null ? "message" : name, data.toString());
        id = null;
        name = null;
        data = null;
        if (event != null) {
          return event;
        }
      } else if (line.startsWith(":")) {
        return new Comment();
      } else {
        field(line);
      }
    }
    return null;
  }

  private void field(String line) {
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    switch (field) {
      case "event" -> name = value;
      case "id" -> id = value;
      case "data" ->
          data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
      default -> {
        // retry and unknown fields: the follower keeps its own pace
      }
    }
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
