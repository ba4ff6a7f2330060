package dev.switchboard.executor.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.EventCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class OutputLimitTest {
  private final JsonMapper mapper = new EventCodec().mapper();
  private final OutputLimit limit = new OutputLimit(400, mapper);

  @Test
  void shouldLeaveAnOutputWithinTheLimitAsItIs() {
    JsonNode small = mapper.readTree("{\"a\":1,\"b\":[1,2]}");

    assertThat(limit.apply(small)).isSameAs(small);
  }

  @Test
  void shouldCutALongTextAndSayHowLongItWas() {
    JsonNode text = JsonNodeFactory.instance.objectNode().put("text", "é".repeat(1000));

    JsonNode cut = limit.apply(text);

    assertThat(cut.get("truncated").asBoolean()).isTrue();
    assertThat(cut.get("originalBytes").asInt()).isEqualTo(2011);
    assertThat(cut.get("text").asString())
        .startsWith("ééé")
        .endsWith("… [truncated: 2011 bytes in all]")
        .doesNotContain("{");
    assertThat(mapper.writeValueAsBytes(cut).length).isLessThanOrEqualTo(400);
  }

  @Test
  void shouldCutStructuredOutputToTheBeginningOfItsJson() {
    ObjectNode structured = JsonNodeFactory.instance.objectNode();
    for (int i = 0; i < 100; i++) {
      structured.put("field" + i, "value \"quoted\"\n" + i);
    }

    JsonNode cut = limit.apply(structured);

    assertThat(cut.get("text").asString()).startsWith("{\"field0\":\"value \\\"quoted\\\"\\n0\"");
    assertThat(cut.get("originalBytes").asInt())
        .isEqualTo(mapper.writeValueAsBytes(structured).length);
    assertThat(mapper.writeValueAsBytes(cut).length).isLessThanOrEqualTo(400);
  }

  @Test
  void shouldRefuseALimitTooSmallForTheMarker() {
    assertThatThrownBy(() -> new OutputLimit(100, mapper))
        .hasMessage("max-result-bytes must be at least 240: 100");
  }
}
