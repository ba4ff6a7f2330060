package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.internal.DefaultConfigProperties;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SDK as the standard OTEL_* settings configure it, exporting to an OTLP/HTTP receiver. */
class TracingSdkTest {
  /** A request the receiver took: path, content type, body. */
  record Received(String path, String contentType, byte[] body) {}

  private final List<Received> received = new CopyOnWriteArrayList<>();
  private HttpServer receiver;

  @BeforeEach
  void startReceiver() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/",
        exchange -> {
          byte[] body = exchange.getRequestBody().readAllBytes();
          received.add(
              new Received(
                  exchange.getRequestURI().getPath(),
                  exchange.getRequestHeaders().getFirst("Content-Type"),
                  body));
          exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.stop(0);
  }

  @Test
  void shouldExportSpansOverOtlpHttpToTheConfiguredEndpoint() {
    String endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort();
    try (OpenTelemetrySdk sdk =
        TracingSdk.create(
            "switchboard-test",
            Map.of("otel.exporter.otlp.endpoint", endpoint, "otel.bsp.schedule.delay", "10"))) {
      GoalTracing tracing = GoalTracing.of(sdk);
      RecordHeaders headers = new RecordHeaders();
      tracing.send(Context.root(), "goals", "goal-otlp", headers);
      String traceId = EventContext.of(GoalTracing.extract(headers)).traceId();
      sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);

      await().atMost(Duration.ofSeconds(20)).until(() -> !received.isEmpty());
      Received request = received.getFirst();
      assertThat(request.path()).isEqualTo("/v1/traces");
      assertThat(request.contentType()).isEqualTo("application/x-protobuf");
      String body = new String(request.body(), StandardCharsets.ISO_8859_1);
      assertThat(body).contains("send goals", "switchboard-test", "goal-otlp");
      assertThat(body)
          .contains(new String(HexFormat.of().parseHex(traceId), StandardCharsets.ISO_8859_1));
    }
  }

  @Test
  void shouldExportNothingWithoutAnEndpoint() {
    assertThat(TracingSdk.exportOnlyToAnEndpoint(DefaultConfigProperties.createFromMap(Map.of())))
        .containsEntry(TracingSdk.TRACES_EXPORTER, "none");
    assertThat(
            TracingSdk.exportOnlyToAnEndpoint(
                DefaultConfigProperties.createFromMap(
                    Map.of("otel.exporter.otlp.endpoint", "http://collector:4318"))))
        .isEmpty();
    assertThat(
            TracingSdk.exportOnlyToAnEndpoint(
                DefaultConfigProperties.createFromMap(Map.of("otel.traces.exporter", "console"))))
        .isEmpty();
  }

  @Test
  void shouldStillCarryTheTraceWhenNothingIsExported() {
    try (OpenTelemetrySdk sdk = TracingSdk.create("switchboard-test", Map.of())) {
      RecordHeaders headers = new RecordHeaders();
      GoalTracing.of(sdk).send(Context.root(), "goals", "goal-local", headers);

      assertThat(Span.fromContext(GoalTracing.extract(headers)).getSpanContext().isValid())
          .isTrue();
    }
  }
}
