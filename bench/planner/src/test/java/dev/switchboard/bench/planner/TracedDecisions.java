package dev.switchboard.bench.planner;

import com.sun.net.httpserver.HttpServer;
import dev.switchboard.contracts.event.SwitchboardEvent;
import dev.switchboard.edge.Decision;
import dev.switchboard.edge.EventContext;
import dev.switchboard.edge.GoalTracing;
import dev.switchboard.planner.PlannerState;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What the edge adds to each decision for tracing, outside Kafka: the {@code process} span of the
 * record read (its parent from the headers the goal's last record got), and per event written a
 * {@code send} span injected into its headers. Every span is sampled and exported over OTLP/HTTP
 * (batched, as the SDK's autoconfigure does) to a receiver in this JVM.
 */
final class TracedDecisions implements AutoCloseable {
  /** The decision under the trace context the edge hands it. */
  @FunctionalInterface
  interface Logic {
    Decision<PlannerState> decide(SwitchboardEvent event, EventContext context);
  }

  private final HttpServer receiver;
  private final OpenTelemetrySdk sdk;
  private final GoalTracing tracing;
  private final AtomicInteger requests = new AtomicInteger();
  private final Map<String, Headers> lastWritten = new HashMap<>();
  private long offset;

  private TracedDecisions() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          requests.incrementAndGet();
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
    sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(
                SdkTracerProvider.builder()
                    .addSpanProcessor(
                        BatchSpanProcessor.builder(
                                OtlpHttpSpanExporter.builder()
                                    .setEndpoint(
                                        "http://127.0.0.1:"
                                            + receiver.getAddress().getPort()
                                            + "/v1/traces")
                                    .build())
                            .build())
                    .build())
            .build();
    tracing = GoalTracing.of(sdk);
  }

  static TracedDecisions exportingToALocalReceiver() throws IOException {
    return new TracedDecisions();
  }

  Decision<PlannerState> decide(SwitchboardEvent event, Logic logic) {
    Context parent = GoalTracing.extract(lastWritten.get(event.goalId()));
    Span span = tracing.startProcess("plan", "bench", 0, offset++, event.goalId(), parent);
    try {
      Context context = parent.with(span);
      Decision<PlannerState> decision = logic.decide(event, EventContext.of(context));
      for (SwitchboardEvent emitted : decision.emit()) {
        lastWritten.put(
            emitted.goalId(), tracing.send(context, "plan", emitted.goalId(), new RecordHeaders()));
      }
      return decision;
    } finally {
      span.end();
    }
  }

  void flush() {
    sdk.getSdkTracerProvider().forceFlush().join(30, TimeUnit.SECONDS);
  }

  int exportedRequests() {
    return requests.get();
  }

  @Override
  public void close() {
    sdk.close();
    receiver.stop(0);
  }
}
