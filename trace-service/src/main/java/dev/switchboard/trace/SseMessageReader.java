package dev.switchboard.trace;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Reads server-sent events as the HTML standard parses them: fields up to a blank line, {@code
 * data} lines joined with newlines, one optional space after the colon, comments as messages of
 * their own.
 */
final class SseMessageReader implements Closeable {
  private final BufferedReader lines;
  // The event being read; a comment between its lines does not end it.
  private String id;
  private String name;
  private StringBuilder data;

  SseMessageReader(InputStream stream) {
    this.lines = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
  }

  /** The next event or comment; null at the end of the stream. */
  SseMessage next() throws IOException {
    String line;
    while ((line = lines.readLine()) != null) {
      if (line.isEmpty()) {
        SseMessage.Event event =
            data == null
                ? null
                : new SseMessage.Event(id, name == null ? "message" : name, data.toString());
        id = null;
        name = null;
        data = null;
        if (event != null) {
          return event;
        }
        continue;
      }
      if (line.startsWith(":")) {
        return new SseMessage.Comment(line.substring(1).strip());
      }
      int colon = line.indexOf(':');
      String field = colon < 0 ? line : line.substring(0, colon);
      String value = colon < 0 ? "" : line.substring(colon + 1);
      if (value.startsWith(" ")) {
        value = value.substring(1);
      }
      switch (field) {
        case "event" -> name = value;
        case "id" -> id = value.indexOf('\0') >= 0 ? id : value;
        case "data" -> {
          if (data == null) {
            data = new StringBuilder(value);
          } else {
            data.append('\n').append(value);
          }
        }
        default -> {
          // retry and unknown fields: nothing to keep
        }
      }
    }
    return null;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
