package dev.switchboard.e2e;

/** Where a running Switchboard answers, however it was started. */
interface StackUnderTest {
  String bootstrapServers();

  String topicPrefix();

  String handoffUrl();

  String traceUrl();

  String operatorToken();

  /** The example MCP server (examples/sales-tools): its ledger shows what the tools did. */
  String salesToolsUrl();
}
