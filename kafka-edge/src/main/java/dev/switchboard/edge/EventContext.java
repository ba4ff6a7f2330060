package dev.switchboard.edge;

import dev.switchboard.contracts.SwitchboardHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * What an event's record carried beside the event, for logic that needs it: the W3C trace context.
 *
 * @param traceparent the record's {@code traceparent} header, or null
 */
public record EventContext(String traceparent) {
  private static final EventContext NONE = new EventContext(null);

  public static EventContext none() {
    return NONE;
  }

  static EventContext of(Headers headers) {
    Header header = headers == null ? null : headers.lastHeader(SwitchboardHeaders.TRACEPARENT);
    return header == null || header.value() == null
        ? NONE
        : new EventContext(new String(header.value(), StandardCharsets.UTF_8));
  }
}
