package dev.switchboard.planner.llm;

import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * A tool the model is told about and may call, but that Spring AI never runs: the call goes back to
 * the planner as a proposal and through the guardrail and the executor like any other action.
 */
final class DefinitionOnlyTool implements ToolCallback {
  private final ToolDefinition definition;

  DefinitionOnlyTool(ChatRequest.ToolSpec spec) {
    this.definition =
        ToolDefinition.builder()
            .name(spec.name())
            .description(spec.description())
            .inputSchema(spec.inputSchema().toString())
            .build();
  }

  @Override
  public ToolDefinition getToolDefinition() {
    return definition;
  }

  @Override
  public String call(String toolInput) {
    throw new IllegalStateException(
        "tool "
            + definition.name()
            + " is run by Switchboard's executor, never inside the model call");
  }
}
