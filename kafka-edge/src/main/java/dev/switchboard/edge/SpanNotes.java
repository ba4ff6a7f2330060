package dev.switchboard.edge;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a decision adds to the goal's trace, so each service says what it decided without the edge
 * knowing the service: attributes of the {@code process} span the decision is made in, attributes
 * carried to every later span of the work it starts (in the records' W3C {@code baggage}, e.g. the
 * agent), and spans recorded once the decision is applied (a planning decision, a goal's time under
 * an agent).
 *
 * @param attributes set on the span the decision is made in
 * @param carried set on that span and every span downstream of it; only {@link
 *     TraceConventions#CARRIED} keys
 * @param spans recorded as the decision is applied
 * @param sends set on the {@code send} span of one emitted event, by its eventId (e.g. one verdict
 *     of several)
 */
public record SpanNotes(
    Attributes attributes,
    Attributes carried,
    List<RecordedSpan> spans,
    Map<UUID, Attributes> sends) {
  private static final SpanNotes NONE =
      new SpanNotes(Attributes.empty(), Attributes.empty(), null, null);

  public SpanNotes {
    attributes = attributes == null ? Attributes.empty() : attributes;
    carried = carried == null ? Attributes.empty() : carried;
    carried
        .asMap()
        .keySet()
        .forEach(
            key -> {
              if (!TraceConventions.CARRIED.contains(key)) {
                throw new IllegalArgumentException(
                    "'" + key.getKey() + "' is not an attribute the trace carries downstream");
              }
            });
    spans = spans == null ? List.of() : List.copyOf(spans);
    sends = sends == null ? Map.of() : Map.copyOf(sends);
  }

  public static SpanNotes none() {
    return NONE;
  }

  SpanNotes withAttributes(Attributes more) {
    return new SpanNotes(attributes.toBuilder().putAll(more).build(), carried, spans, sends);
  }

  SpanNotes carrying(AttributeKey<String> key, String value) {
    return new SpanNotes(attributes, carried.toBuilder().put(key, value).build(), spans, sends);
  }

  SpanNotes withSpan(RecordedSpan span) {
    List<RecordedSpan> more = new ArrayList<>(spans);
    more.add(span);
    return new SpanNotes(attributes, carried, more, sends);
  }

  SpanNotes withSendAttributes(UUID eventId, Attributes more) {
    Map<UUID, Attributes> all = new HashMap<>(sends);
    all.merge(eventId, more, (a, b) -> a.toBuilder().putAll(b).build());
    return new SpanNotes(attributes, carried, spans, all);
  }

  /** What the send span of this event gets. */
  public Attributes sendAttributes(UUID eventId) {
    return sends.getOrDefault(eventId, Attributes.empty());
  }

  boolean isEmpty() {
    return attributes.isEmpty() && carried.isEmpty() && spans.isEmpty() && sends.isEmpty();
  }
}
