package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GoalTracingTest {
  private final InMemorySpanExporter exported = InMemorySpanExporter.create();
  private final OpenTelemetrySdk sdk =
      OpenTelemetrySdk.builder()
          .setTracerProvider(
              SdkTracerProvider.builder()
                  .addSpanProcessor(SimpleSpanProcessor.create(exported))
                  .build())
          .build();

  @AfterEach
  void close() {
    sdk.close();
  }

  @Test
  void shouldExportTheProcessSpanOfAReadThatLedToSomethingOnly() {
    GoalTracing tracing = GoalTracing.of(sdk, ContentCapture.off());

    tracing.endProcess(read(tracing, 1), true);
    tracing.endProcess(read(tracing, 2), false);

    assertThat(exported.getFinishedSpanItems())
        .extracting(span -> span.getAttributes().get(TraceConventions.MESSAGING_KAFKA_OFFSET))
        .containsExactly(1L);
  }

  @Test
  void shouldExportEveryReadWhenQuietReadsAreTraced() {
    GoalTracing tracing = GoalTracing.of(sdk, ContentCapture.off(), true);

    tracing.endProcess(read(tracing, 1), true);
    tracing.endProcess(read(tracing, 2), false);

    assertThat(exported.getFinishedSpanItems())
        .extracting(SpanData::getName)
        .containsExactly("process plan", "process plan");
  }

  private static Span read(GoalTracing tracing, long offset) {
    return tracing.startProcess("plan", "group", 0, offset, "goal-1", Context.root());
  }
}
