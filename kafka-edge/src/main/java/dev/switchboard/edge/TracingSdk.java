package dev.switchboard.edge;

import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.HashMap;
import java.util.Map;

/**
 * The OpenTelemetry SDK as the standard {@code OTEL_*} environment (and {@code otel.*} system
 * properties) configure it, through the SDK's autoconfigure module. Switchboard's defaults, which
 * those override: the service name; no metrics or logs export (only traces are ours); and traces
 * exported only when an OTLP endpoint is set, so a local run with no collector sends nothing.
 */
final class TracingSdk {
  static final String TRACES_EXPORTER = "otel.traces.exporter";

  /** Makes the SDK create spans, and so trace ids, with nothing to export them to. */
  private static final SpanProcessor KEEP_IDS =
      new SpanProcessor() {
        @Override
        public void onStart(Context parent, ReadWriteSpan span) {}

        @Override
        public boolean isStartRequired() {
          return false;
        }

        @Override
        public void onEnd(ReadableSpan span) {}

        @Override
        public boolean isEndRequired() {
          return false;
        }
      };

  private TracingSdk() {}

  /**
   * @param defaults {@code otel.*} settings below the environment's (e.g. from the Spring
   *     configuration)
   */
  static OpenTelemetrySdk create(String serviceName, Map<String, String> defaults) {
    Map<String, String> base = new HashMap<>();
    base.put("otel.service.name", serviceName);
    base.put("otel.metrics.exporter", "none");
    base.put("otel.logs.exporter", "none");
    // The OTLP spec's default (port 4318), where the Java SDK's own is gRPC.
    base.put("otel.exporter.otlp.protocol", "http/protobuf");
    base.putAll(defaults);
    return AutoConfiguredOpenTelemetrySdk.builder()
        .addPropertiesSupplier(() -> base)
        .addPropertiesCustomizer(TracingSdk::exportOnlyToAnEndpoint)
        // Without an exporter the SDK would make no spans at all, and a goal no trace id.
        .addTracerProviderCustomizer((tracers, config) -> tracers.addSpanProcessor(KEEP_IDS))
        .build()
        .getOpenTelemetrySdk();
  }

  /** The SDK's own default is OTLP to localhost:4318; here it needs an endpoint set. */
  static Map<String, String> exportOnlyToAnEndpoint(ConfigProperties config) {
    boolean chosen = config.getString(TRACES_EXPORTER) != null;
    boolean endpoint =
        config.getString("otel.exporter.otlp.endpoint") != null
            || config.getString("otel.exporter.otlp.traces.endpoint") != null;
    return chosen || endpoint ? Map.of() : Map.of(TRACES_EXPORTER, "none");
  }
}
