package dev.switchboard.planner;

import java.util.List;
import java.util.Map;

/**
 * The built-in sales agent, on the example MCP server's tools ({@code examples/sales-tools}): look
 * up the account, find its contact, draft a follow-up, send it (a person approves), and log the
 * activity in the CRM (a person approves). Templates refer to the fields those tools return.
 */
final class DemoAgent {
  static final String NAME = "demo";

  private DemoAgent() {}

  static AgentSpec spec() {
    return new AgentSpec(
        NAME,
        "Follows up with an account: finds its contact, drafts a message, sends it once a person"
            + " approves, and records it in the CRM.",
        List.of(
            new SopStep(
                "crm.lookup_account",
                Map.of("account", "{{inputs.account | description}}"),
                false,
                "find the account the goal is about"),
            new SopStep(
                "crm.find_contact",
                Map.of("accountId", "{{step-1.accountId}}"),
                false,
                "find whom to write to"),
            new SopStep(
                "email.draft",
                Map.of(
                    "to", "{{step-2.email}}",
                    "recipientName", "{{step-2.name}}",
                    "account", "{{step-1.account}}",
                    "topic", "{{description}}"),
                false,
                "write the follow-up"),
            new SopStep(
                "email.send",
                Map.of(
                    "to", "{{step-3.to}}",
                    "subject", "{{step-3.subject}}",
                    "body", "{{step-3.body}}"),
                true,
                "send the follow-up to the contact found"),
            new SopStep(
                "crm.log_activity",
                Map.of(
                    "accountId", "{{step-1.accountId}}",
                    "contactId", "{{step-2.contactId}}",
                    "type", "email",
                    "summary",
                        "Sent '{{step-3.subject}}' to {{step-2.email}} ({{step-4.messageId}})"),
                true,
                "record the follow-up in the CRM")));
  }
}
