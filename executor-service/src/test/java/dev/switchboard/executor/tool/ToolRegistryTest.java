package dev.switchboard.executor.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ToolRegistryTest {

  @Test
  void shouldFindToolsByName() {
    Tool lookup = tool("demo.lookup");
    ToolRegistry registry = new ToolRegistry(List.of(lookup, tool("demo.send")));

    assertThat(registry.find("demo.lookup")).containsSame(lookup);
    assertThat(registry.find("mail.send")).isEmpty();
    assertThat(registry.names()).containsExactly("demo.lookup", "demo.send");
  }

  @Test
  void shouldRefuseTwoToolsWithOneName() {
    assertThatThrownBy(() -> new ToolRegistry(List.of(tool("x"), tool("x"))))
        .hasMessage("two tools are named 'x'");
  }

  private static Tool tool(String name) {
    return new Tool() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean sideEffect() {
        return false;
      }

      @Override
      public JsonNode call(ToolCall call) {
        return null;
      }
    };
  }
}
