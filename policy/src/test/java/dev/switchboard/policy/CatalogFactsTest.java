package dev.switchboard.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class CatalogFactsTest {

  @Test
  void shouldReadAnnotationsSchemasAndAgents() {
    CatalogFacts facts =
        CatalogFacts.parse(
            "facts.yaml",
            """
            tools:
              crm.lookup_account:
                readOnly: true
                destructive: false
                idempotent: true
                openWorld: false
                server: sales-tools
                trusted: true
                inputSchema: {type: object, required: [account]}
              crm.log_activity: {readOnly: false, destructive: false, openWorld: false}
              mystery.tool: {}
            agents:
              sdr: {version: h1, tools: [crm.lookup_account], handoffTargets: [agent:writer]}
            """);

    ToolFacts lookup = facts.factsOf("crm.lookup_account");
    assertThat(lookup.known()).isTrue();
    assertThat(lookup.readOnly()).isTrue();
    assertThat(lookup.risk()).isEqualTo("low");
    assertThat(lookup.inputSchema().get("required").get(0).asString()).isEqualTo("account");
    assertThat(facts.factsOf("crm.log_activity").risk()).isEqualTo("medium");
    ToolFacts mystery = facts.factsOf("mystery.tool");
    assertThat(mystery.destructive()).as("MCP default").isTrue();
    assertThat(mystery.openWorld()).as("MCP default").isTrue();
    assertThat(mystery.readOnly()).isFalse();
    assertThat(mystery.risk()).isEqualTo("high");
    assertThat(facts.factsOf("absent.tool").known()).isFalse();
    assertThat(facts.agents().factsOf("sdr").handoffTargets()).containsExactly("agent:writer");
    assertThat(facts.agents().factsOf("nobody").known()).isFalse();
  }

  @Test
  void shouldNameTheFileAndToolThatIsWrong() {
    assertThatThrownBy(() -> CatalogFacts.parse("facts.yaml", "tools:\n  t: {readOnly: maybe}\n"))
        .isInstanceOf(InvalidPolicyException.class)
        .hasMessageContaining("facts.yaml: tool 't' 'readOnly' must be true or false");
    assertThatThrownBy(() -> CatalogFacts.parse("facts.yaml", "tools:\n  t: {colour: red}\n"))
        .hasMessageContaining("tool 't' has no field 'colour'");
    assertThatThrownBy(() -> CatalogFacts.parse("facts.yaml", "tools:\n  t: {risk: extreme}\n"))
        .hasMessageContaining("'risk' must be low, medium or high");
  }
}
