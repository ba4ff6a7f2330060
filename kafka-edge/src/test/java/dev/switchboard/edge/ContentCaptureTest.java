package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ContentCaptureTest {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  @Test
  void shouldRecordNothingWhenOff() {
    assertThat(ContentCapture.off().of(json("{\"to\":\"pat@acme.example\"}"))).isEmpty();
    assertThat(ContentCapture.of(false).enabled()).isFalse();
  }

  @Test
  void shouldRecordContentWithSecretsAndSignaturesRedactedWhenOn() {
    JsonNode content =
        json(
            "{\"to\":\"pat@acme.example\",\"api_key\":\"sk-1\",\"nested\":[{\"accessToken\":\"t-1\","
                + "\"client-secret\":\"s-1\",\"signature\":\"sig-1\",\"Authorization\":\"Bearer"
                + " b-1\"}],\"inputTokens\":12,\"maxOutputTokens\":100}");

    String recorded = ContentCapture.of(true).of(content).orElseThrow();

    assertThat(recorded)
        .contains("pat@acme.example", "\"inputTokens\":12", "\"maxOutputTokens\":100")
        .doesNotContain("sk-1", "t-1", "s-1", "sig-1", "b-1")
        .contains("\"api_key\":\"" + ContentCapture.REDACTED + "\"");
  }

  @Test
  void shouldCutLongContent() {
    String recorded =
        ContentCapture.of(true).of(json("{\"text\":\"" + "x".repeat(20_000) + "\"}")).orElseThrow();

    assertThat(recorded.length()).isLessThan(9000);
  }

  private static JsonNode json(String text) {
    return MAPPER.readTree(text);
  }
}
