package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.SwitchboardHeaders;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class BaggageHeadersTest {
  private final BaggageHeaders headers =
      new BaggageHeaders(baggage -> Attributes.of(TraceConventions.GEN_AI_AGENT_NAME, "made"));

  @Test
  void shouldParseAndEncodeAsThePropagatorDoesAndKeepEachValueOnce() {
    Baggage parsed = headers.parse("gen_ai.agent.name=sales%20bot,other=1;meta");

    assertThat(parsed.getEntryValue("gen_ai.agent.name")).isEqualTo("sales bot");
    assertThat(parsed.getEntry("other").getMetadata().getValue()).isEqualTo("meta");
    assertThat(headers.parse("gen_ai.agent.name=sales%20bot,other=1;meta")).isSameAs(parsed);
    Baggage again = Baggage.builder().put("gen_ai.agent.name", "sales bot").build();
    String encoded = headers.encode(again);
    assertThat(headers.parse(encoded).getEntryValue("gen_ai.agent.name")).isEqualTo("sales bot");
    assertThat(headers.encode(Baggage.builder().put("gen_ai.agent.name", "sales bot").build()))
        .isSameAs(encoded);
  }

  @Test
  void shouldGiveNothingForAnEmptyOrUnreadableHeader() {
    assertThat(headers.parse("").isEmpty()).isTrue();
    assertThat(headers.parse("=,;;").isEmpty()).isTrue();
    assertThat(headers.encode(Baggage.empty())).isNull();
  }

  @Test
  void shouldStartOverWhenFull() {
    Baggage first = headers.parse("k=0");
    for (int i = 1; i <= BaggageHeaders.MAX_ENTRIES; i++) {
      headers.parse("k=" + i);
    }

    Baggage later = headers.parse("k=0");
    assertThat(later).isNotSameAs(first).isEqualTo(first);
  }

  @Test
  void shouldMakeTheAttributesOfABaggageOnce() {
    Baggage baggage = headers.parse("gen_ai.agent.name=sales");

    Attributes made = headers.attributes(baggage);

    assertThat(made).isEqualTo(Attributes.of(TraceConventions.GEN_AI_AGENT_NAME, "made"));
    assertThat(headers.attributes(headers.parse("gen_ai.agent.name=sales"))).isSameAs(made);
  }

  @Test
  void shouldCarryTheAgentFromARecordsHeadersToTheSpansAndTheNextRecord() {
    RecordHeaders read = new RecordHeaders();
    read.add(
        SwitchboardHeaders.TRACEPARENT,
        "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01".getBytes(StandardCharsets.UTF_8));
    read.add(
        SwitchboardHeaders.BAGGAGE,
        "gen_ai.agent.name=sales,unrelated=x".getBytes(StandardCharsets.UTF_8));

    Context context = GoalTracing.extract(read);
    RecordHeaders written = new RecordHeaders();
    GoalTracing.inject(context, written);

    assertThat(GoalTracing.carried(context))
        .isEqualTo(Attributes.of(TraceConventions.GEN_AI_AGENT_NAME, "sales"));
    assertThat(new String(written.lastHeader("traceparent").value(), StandardCharsets.UTF_8))
        .isEqualTo("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
    assertThat(Baggage.fromContext(GoalTracing.extract(written)).getEntryValue("gen_ai.agent.name"))
        .isEqualTo("sales");
  }
}
