package dev.switchboard.edge;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.event.SwitchboardEvent;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * Headers of every record Switchboard writes: goal id, event type and CloudEvents binary-mode
 * attributes. The trace context is not copied from the record read: {@link GoalTracing#send} puts
 * the context of the record's own {@code send} span in.
 */
final class EventHeaders {
  private EventHeaders() {}

  static Headers of(SwitchboardEvent event, Service writer) {
    Headers headers = new RecordHeaders();
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

  static void put(Headers headers, String name, String value) {
    headers.remove(name);
    headers.add(name, value.getBytes(StandardCharsets.UTF_8));
  }
}
