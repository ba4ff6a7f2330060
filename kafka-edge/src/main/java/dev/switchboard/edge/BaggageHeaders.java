package dev.switchboard.edge;

import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The W3C {@code baggage} header of records, parsed and encoded by the OpenTelemetry propagator,
 * each distinct value once: a goal's records all carry the same few entries (the agent whose work
 * it is), so a service would otherwise parse the same header on every read and encode it on every
 * write. Each cache keeps at most {@value #MAX_ENTRIES} values and starts over when full; a value
 * is immutable, so a cached one is the one the propagator would have made.
 */
final class BaggageHeaders {
  static final int MAX_ENTRIES = 1024;

  private static final W3CBaggagePropagator PROPAGATOR = W3CBaggagePropagator.getInstance();

  private final Map<String, Baggage> parsed = new ConcurrentHashMap<>();
  private final Map<Baggage, String> encoded = new ConcurrentHashMap<>();
  private final Map<Baggage, Attributes> attributes = new ConcurrentHashMap<>();
  private final Function<Baggage, Attributes> toAttributes;

  /**
   * @param toAttributes what a baggage gives the spans (see {@link #attributes}); it must depend on
   *     the baggage alone, as its result is kept
   */
  BaggageHeaders(Function<Baggage, Attributes> toAttributes) {
    this.toAttributes = toAttributes;
  }

  /** The baggage of a {@code baggage} header's value; empty when it holds none. */
  Baggage parse(String header) {
    return cached(parsed, header, BaggageHeaders::parseNow);
  }

  /** The {@code baggage} header's value for the baggage; {@code null} when it is empty. */
  String encode(Baggage baggage) {
    if (baggage.isEmpty()) {
      return null;
    }
    String value = cached(encoded, baggage, BaggageHeaders::encodeNow);
    return value.isEmpty() ? null : value;
  }

  /** What the constructor's {@code toAttributes} makes of the baggage, once per distinct one. */
  Attributes attributes(Baggage baggage) {
    return cached(attributes, baggage, toAttributes);
  }

  private static Baggage parseNow(String header) {
    return Baggage.fromContext(PROPAGATOR.extract(Context.root(), header, ONE_HEADER));
  }

  private static String encodeNow(Baggage baggage) {
    StringBuilder value = new StringBuilder();
    PROPAGATOR.inject(Context.root().with(baggage), value, (carrier, key, v) -> carrier.append(v));
    return value.toString();
  }

  private static <K, V> V cached(Map<K, V> cache, K key, Function<K, V> make) {
    V value = cache.get(key);
    if (value == null) {
      value = make.apply(key);
      if (cache.size() >= MAX_ENTRIES) {
        cache.clear();
      }
      cache.put(key, value);
    }
    return value;
  }

  /** The header's value itself as the carrier, under the {@code baggage} key only. */
  private static final TextMapGetter<String> ONE_HEADER =
      (carrier, key) -> PROPAGATOR.fields().contains(key) ? carrier : null;
}
