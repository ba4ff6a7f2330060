package dev.switchboard.executor.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.EventCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class DemoLookupToolTest {
  private final JsonMapper mapper = new EventCodec().mapper();
  private final DemoLookupTool tool = DemoLookupTool.withDemoAccounts(mapper);

  @Test
  void shouldFindTheContactOfAnAccountWhateverTheCase() throws ToolFailure {
    JsonNode output = tool.call(call("{\"account\":\" acme \"}"));

    assertThat(output.toString())
        .isEqualTo(
            "{\"account\":\"ACME\",\"contact\":\"pat.lee@acme.example\",\"name\":\"Pat Lee\"}");
  }

  @Test
  void shouldKnowSeveralDemoAccounts() throws ToolFailure {
    assertThat(tool.call(call("{\"account\":\"GLOBEX\"}")).get("contact").asString())
        .isEqualTo("sam.rivera@globex.example");
    assertThat(tool.call(call("{\"account\":\"initech\"}")).get("name").asString())
        .isEqualTo("Lee Chen");
  }

  @Test
  void shouldRefuseAnUnknownAccount() {
    assertThatThrownBy(() -> tool.call(call("{\"account\":\"Hooli\"}")))
        .isInstanceOf(ToolFailure.class)
        .hasMessage("no account named 'Hooli'");
  }

  @Test
  void shouldRefuseACallWithoutAccount() {
    assertThatThrownBy(() -> tool.call(call("{}")))
        .isInstanceOf(ToolFailure.class)
        .hasMessage("argument 'account' is required and must be text");
  }

  @Test
  void shouldBeReadOnly() {
    assertThat(tool.name()).isEqualTo("demo.lookup");
    assertThat(tool.sideEffect()).isFalse();
  }

  private ToolCall call(String arguments) {
    return new ToolCall("g-1/step-1", "g-1", mapper.readTree(arguments));
  }
}
