package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.ReadWriteSpan;
import io.opentelemetry.sdk.trace.ReadableSpan;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.internals.RecordHeaders;
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

  @Test
  void shouldStartAQuietReadsSpanNeverWhenTheSdkDefers() {
    AtomicInteger started = new AtomicInteger();
    try (OpenTelemetrySdk deferring =
        deferringSdk(started, Sampler.parentBased(Sampler.alwaysOn()))) {
      GoalTracing tracing = GoalTracing.of(deferring, ContentCapture.off());
      int probes = started.get();

      Span quiet = tracing.startProcess("plan", "group", 0, 2, "goal-1", FROM_A_RECORD);
      quiet.setAttribute(TraceConventions.EVENT_TYPE, "PlanEvent");
      tracing.endProcess(quiet, false);

      assertThat(quiet).isInstanceOf(DeferredProcessSpan.class);
      assertThat(started.get()).isEqualTo(probes);
      assertThat(exported.getFinishedSpanItems()).isEmpty();
    }
  }

  @Test
  void shouldStartADeferredSpanWithTheIdItsChildrenNameTheReadsStartAndWhatWasSetOnIt() {
    try (OpenTelemetrySdk deferring =
        deferringSdk(new AtomicInteger(), Sampler.parentBased(Sampler.alwaysOn()))) {
      GoalTracing tracing = GoalTracing.of(deferring, ContentCapture.off());
      long readAt = DeferredProcessSpan.nowEpochNanos();

      Span read = tracing.startProcess("plan", "group", 0, 7, "goal-1", FROM_A_RECORD);
      read.setAttribute(TraceConventions.EVENT_TYPE, "PlanEvent");
      read.setStatus(StatusCode.ERROR);
      tracing.send(FROM_A_RECORD.with(read), "verdict", "goal-1", new RecordHeaders());
      tracing.endProcess(read, true);

      SpanData send = span("send verdict");
      SpanData process = span("process plan");
      assertThat(process.getSpanId()).isEqualTo(read.getSpanContext().getSpanId());
      assertThat(send.getParentSpanId()).isEqualTo(process.getSpanId());
      assertThat(process.getParentSpanId()).isEqualTo("b7ad6b7169203331");
      assertThat(process.getTraceId()).isEqualTo(send.getTraceId()).isEqualTo(TRACE_ID);
      assertThat(process.getStartEpochNanos())
          .isGreaterThanOrEqualTo(readAt)
          .isLessThanOrEqualTo(send.getStartEpochNanos());
      assertThat(process.getAttributes().get(TraceConventions.EVENT_TYPE)).isEqualTo("PlanEvent");
      assertThat(process.getAttributes().get(TraceConventions.MESSAGING_KAFKA_OFFSET))
          .isEqualTo(7L);
      assertThat(process.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    }
  }

  @Test
  void shouldStartTheSpanAtOnceWhenTheSamplerDoesNotFollowTheParentOrThereIsNone() {
    try (OpenTelemetrySdk alwaysOn = deferringSdk(new AtomicInteger(), Sampler.alwaysOn());
        OpenTelemetrySdk parentBased =
            deferringSdk(new AtomicInteger(), Sampler.parentBased(Sampler.alwaysOn()))) {
      assertThat(
              GoalTracing.of(alwaysOn, ContentCapture.off())
                  .startProcess("plan", "group", 0, 1, "goal-1", FROM_A_RECORD))
          .isNotInstanceOf(DeferredProcessSpan.class);
      assertThat(
              GoalTracing.of(parentBased, ContentCapture.off())
                  .startProcess("plan", "group", 0, 1, "goal-1", Context.root()))
          .isNotInstanceOf(DeferredProcessSpan.class);
      assertThat(
              GoalTracing.of(sdk, ContentCapture.off())
                  .startProcess("plan", "group", 0, 1, "goal-1", FROM_A_RECORD))
          .isNotInstanceOf(DeferredProcessSpan.class);
    }
  }

  private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";

  private static final Context FROM_A_RECORD =
      Context.root()
          .with(
              Span.wrap(
                  SpanContext.createFromRemoteParent(
                      TRACE_ID,
                      "b7ad6b7169203331",
                      TraceFlags.getSampled(),
                      TraceState.getDefault())));

  private OpenTelemetrySdk deferringSdk(AtomicInteger started, Sampler sampler) {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder()
                .setIdGenerator(DeferredSpanIds.generator())
                .setSampler(sampler)
                .addSpanProcessor(
                    new SpanProcessor() {
                      @Override
                      public void onStart(Context parent, ReadWriteSpan span) {
                        started.incrementAndGet();
                      }

                      @Override
                      public boolean isStartRequired() {
                        return true;
                      }

                      @Override
                      public void onEnd(ReadableSpan span) {}

                      @Override
                      public boolean isEndRequired() {
                        return false;
                      }
                    })
                .addSpanProcessor(SimpleSpanProcessor.create(exported))
                .build())
        .build();
  }

  private SpanData span(String name) {
    return exported.getFinishedSpanItems().stream()
        .filter(span -> span.getName().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no span " + name));
  }

  private static Span read(GoalTracing tracing, long offset) {
    return tracing.startProcess("plan", "group", 0, offset, "goal-1", Context.root());
  }
}
