package dev.switchboard.edge;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.event.SwitchboardEvent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Headers of every record Switchboard writes: goal id, event type, CloudEvents binary-mode
 * attributes, and the caller's W3C trace context carried forward.
 */
final class EventHeaders {
  private static final List<String> TRACE_CONTEXT =
      List.of(
          SwitchboardHeaders.TRACEPARENT,
          SwitchboardHeaders.TRACESTATE,
          SwitchboardHeaders.BAGGAGE);

  private EventHeaders() {}

  static Headers of(SwitchboardEvent event, Service writer, Headers inbound) {
    Headers headers = traceContextOf(inbound);
    String type = EventCodec.typeName(event);
    put(headers, SwitchboardHeaders.GOAL_ID, event.goalId());
    put(headers, SwitchboardHeaders.EVENT_TYPE, type);
    put(headers, SwitchboardHeaders.CE_SPECVERSION, "1.0");
    put(headers, SwitchboardHeaders.CE_ID, event.eventId().toString());
    put(
        headers,
        SwitchboardHeaders.CE_SOURCE,
        "switchboard/" + writer.name().toLowerCase(Locale.ROOT));
    put(headers, SwitchboardHeaders.CE_TYPE, "dev.switchboard." + type);
    put(headers, SwitchboardHeaders.CE_SUBJECT, event.goalId());
    put(headers, SwitchboardHeaders.CE_TIME, event.occurredAt().toString());
    return headers;
  }

  /** Only the caller's trace context, for internal records that carry it to the next hop. */
  static Headers traceContextOf(Headers inbound) {
    RecordHeaders headers = new RecordHeaders();
    if (inbound != null) {
      for (String name : TRACE_CONTEXT) {
        Header header = inbound.lastHeader(name);
        if (header != null) {
          headers.add(name, header.value());
        }
      }
    }
    return headers;
  }

  static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
