package dev.switchboard.edge;

import io.opentelemetry.sdk.trace.IdGenerator;
import java.util.function.Supplier;

/**
 * The SDK's span ids: random ones, except the one a {@link DeferredProcessSpan} promised the spans
 * under it before it existed, which the SDK gets when that span is finally started. {@link
 * TracingSdk} installs it; a test's SDK installs it ({@link #generator()}) to trace as the services
 * do. Without it, every read's {@code process} span is started when the record is read.
 */
public final class DeferredSpanIds implements IdGenerator {
  private static final DeferredSpanIds INSTANCE = new DeferredSpanIds();
  private static final ThreadLocal<String> PROMISED = new ThreadLocal<>();

  private final IdGenerator random = IdGenerator.random();

  private DeferredSpanIds() {}

  /** The generator to give {@code SdkTracerProviderBuilder#setIdGenerator}. */
  public static IdGenerator generator() {
    return INSTANCE;
  }

  /** A fresh random span id, for a span that will be started later (or never). */
  static String promise() {
    return INSTANCE.random.generateSpanId();
  }

  /** Runs {@code start}, whose first span started on this thread gets {@code spanId}. */
  static <T> T startingWith(String spanId, Supplier<T> start) {
    PROMISED.set(spanId);
    try {
      return start.get();
    } finally {
      PROMISED.remove();
    }
  }

  @Override
  public String generateSpanId() {
    String promised = PROMISED.get();
    if (promised != null) {
      PROMISED.remove();
      return promised;
    }
    return random.generateSpanId();
  }

  @Override
  public String generateTraceId() {
    return random.generateTraceId();
  }
}
