package dev.switchboard.executor.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
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

  @Test
  void shouldWaitForServersThatHaveNotListedTheirToolsBeforeSayingAToolIsUnknown() {
    ToolRegistry registry = new ToolRegistry(List.of(tool("demo.lookup")));
    Tool late = tool("crm.lookup_account");
    AtomicBoolean pending = new AtomicBoolean(true);
    List<Duration> waited = new ArrayList<>();
    registry.waitForPending(
        new ToolRegistry.Pending() {
          @Override
          public boolean any() {
            return pending.get();
          }

          @Override
          public void await(Duration timeout) {
            waited.add(timeout);
            registry.replace(List.of(tool("demo.lookup"), late));
            pending.set(false);
          }
        },
        Duration.ofSeconds(7));

    assertThat(registry.find("crm.lookup_account")).containsSame(late);
    assertThat(registry.find("mail.send")).isEmpty();
    assertThat(waited).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void shouldKeepTheOldToolsWhenTheNewSetHasTwoWithOneName() {
    ToolRegistry registry = new ToolRegistry(List.of(tool("a")));

    assertThatThrownBy(() -> registry.replace(List.of(tool("b"), tool("b"))))
        .hasMessage("two tools are named 'b'");
    assertThat(registry.names()).containsExactly("a");
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
