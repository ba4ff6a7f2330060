package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.EventCodec;
import dev.switchboard.contracts.EventKeys;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.SwitchboardHeaders;
import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.OutcomeEvent.GoalCompleted;
import dev.switchboard.contracts.event.VerdictEvent.ActionAllowed;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.processor.api.Record;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutgoingEventsTest {
  private static final TopicNames NAMES = new TopicNames("out-");
  private static final AttributeKey<String> NOTE = AttributeKey.stringKey("note");

  @TempDir static Path keys;
  static EventSignatures planner;
  static EventSignatures reader;

  private final InMemorySpanExporter spans = InMemorySpanExporter.create();
  private final OutgoingEvents outgoing =
      new OutgoingEvents(
          Service.PLANNER,
          NAMES,
          new EventCodec(),
          GoalTracing.of(
              OpenTelemetrySdk.builder()
                  .setTracerProvider(
                      SdkTracerProvider.builder()
                          .addSpanProcessor(SimpleSpanProcessor.create(spans))
                          .build())
                  .build()),
          planner);

  @BeforeAll
  static void makeKeys() {
    EventKeys.generateMissing(keys, List.of(Service.PLANNER));
    planner =
        new EventSigningProperties(
                keys.resolve(EventKeys.fileName(Service.PLANNER)).toString(),
                keys.resolve(EventKeys.TRUSTED_KEYS_FILE).toString())
            .signatures(Service.PLANNER);
    reader =
        new EventSigningProperties(null, keys.resolve(EventKeys.TRUSTED_KEYS_FILE).toString())
            .signatures(Service.TRACE);
  }

  @Test
  void shouldAddressSignAndTraceTheEventAsEveryWriterSendsIt() {
    GoalCompleted event = completed();

    OutgoingEvent out =
        outgoing.of(event, Context.root(), Attributes.of(NOTE, "from the decision"));

    assertThat(out.topic()).isEqualTo(Topics.OUTCOME);
    assertThat(out.topicName()).isEqualTo("out-outcome");
    assertThat(out.key()).isEqualTo("g-1");
    assertThat(out.timestamp()).isEqualTo(event.occurredAt().toEpochMilli());
    assertThat(new String(out.value(), StandardCharsets.UTF_8))
        .contains(event.eventId().toString());
    assertThat(text(out.headers(), SwitchboardHeaders.CE_ID)).isEqualTo(event.eventId().toString());
    assertThat(text(out.headers(), SwitchboardHeaders.CE_SOURCE)).isEqualTo("switchboard/planner");
    assertThat(text(out.headers(), SwitchboardHeaders.GOAL_ID)).isEqualTo("g-1");
    assertThat(reader.problemWith(Topics.OUTCOME, "g-1", out.value(), out.headers())).isEmpty();
    assertThat(spans.getFinishedSpanItems()).hasSize(1);
    SpanData send = spans.getFinishedSpanItems().getFirst();
    assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
    assertThat(send.getName()).isEqualTo("send out-outcome");
    assertThat(send.getAttributes().get(NOTE)).isEqualTo("from the decision");
    assertThat(text(out.headers(), SwitchboardHeaders.TRACEPARENT)).contains(send.getSpanId());
  }

  @Test
  void shouldGiveTheStreamAndAProducerTheSameRecord() {
    OutgoingEvent out = outgoing.of(completed(), Context.root(), Attributes.empty());

    Record<String, Outgoing> streamed = out.toStreamRecord();
    ProducerRecord<String, byte[]> produced = out.toProducerRecord();

    assertThat(streamed.key()).isEqualTo(produced.key()).isEqualTo("g-1");
    assertThat(streamed.value().topic()).isEqualTo(produced.topic()).isEqualTo("out-outcome");
    assertThat(streamed.value().value()).isSameAs(produced.value()).isSameAs(out.value());
    assertThat(streamed.timestamp()).isEqualTo(produced.timestamp()).isEqualTo(out.timestamp());
    assertThat(streamed.headers().toArray())
        .containsExactly(produced.headers().toArray())
        .containsExactly(out.headers().toArray());
    assertThat(produced.partition()).as("the key's partition").isNull();
  }

  @Test
  void shouldRefuseAnEventOfATopicTheServiceDoesNotWriteBeforeAnySpan() {
    ActionAllowed verdict =
        new ActionAllowed("g-1", UUID.randomUUID(), null, Instant.now(), "g-1/step-1", "allow");

    assertThatThrownBy(() -> outgoing.of(verdict, Context.root(), Attributes.empty()))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PLANNER may not write verdict");
    assertThat(spans.getFinishedSpanItems()).isEmpty();
  }

  @Test
  void shouldLetTheWriterRefuseThePayloadBeforeAnySpan() {
    assertThatThrownBy(
            () ->
                outgoing.of(
                    completed(),
                    Context.root(),
                    Attributes.empty(),
                    value -> {
                      throw new IllegalArgumentException(value.length + " bytes");
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith(" bytes");
    assertThat(spans.getFinishedSpanItems()).isEmpty();
  }

  private static GoalCompleted completed() {
    return new GoalCompleted("g-1", UUID.randomUUID(), null, Instant.now(), "done", null);
  }

  private static String text(Headers headers, String name) {
    return new String(headers.lastHeader(name).value(), StandardCharsets.UTF_8);
  }
}
