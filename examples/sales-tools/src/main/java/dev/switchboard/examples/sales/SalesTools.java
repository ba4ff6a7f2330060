package dev.switchboard.examples.sales;

import dev.switchboard.examples.sales.SalesData.Account;
import dev.switchboard.examples.sales.SalesData.Contact;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ToolAnnotations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sales tools as MCP tools: names with their namespace ({@code crm.}, {@code email.}, {@code
 * calendar.}), JSON Schemas, honest annotations, structured results (and the same as JSON text),
 * with the argument and result names the agent specs of {@code examples/sales/agents} use. Tools
 * that change something take an idempotency key: the {@code idempotencyKey} argument, else {@code
 * _meta["dev.switchboard/idempotency-key"]}.
 */
final class SalesTools {
  static final String IDEMPOTENCY_KEY_ARGUMENT = "idempotencyKey";
  static final String IDEMPOTENCY_KEY_META = "dev.switchboard/idempotency-key";

  private static final String KEY_PROPERTY =
      "\"idempotencyKey\":{\"type\":\"string\",\"description\":\"the same key never acts twice;"
          + " a repeat answers as the first call\"}";

  /** Looks, never touches. */
  private static final ToolAnnotations READS =
      ToolAnnotations.builder()
          .readOnlyHint(true)
          .destructiveHint(false)
          .idempotentHint(true)
          .openWorldHint(false)
          .build();

  private final SalesBook book;
  private final McpJsonMapper json;
  private final JsonMapper mapper;

  SalesTools(SalesBook book, McpJsonMapper json, JsonMapper mapper) {
    this.book = book;
    this.json = json;
    this.mapper = mapper;
  }

  List<SyncToolSpecification> all() {
    return List.of(
        lookupAccount(), findContact(), logActivity(), draft(), send(), scheduleFollowup());
  }

  private SyncToolSpecification lookupAccount() {
    return tool(
        "crm.lookup_account",
        "Look up account",
        "Finds a CRM account by its name (any case), by its id, or the one account a text names.",
        "{\"type\":\"object\",\"properties\":{"
            + "\"account\":{\"type\":\"string\",\"description\":\"a name or a text naming it\"},"
            + "\"account_id\":{\"type\":\"string\"}}}",
        READS,
        request -> {
          String id = text(request, "account_id");
          Account account = book.lookupAccount(id != null ? id : text(request, "account"));
          return map(
              "id", account.accountId(),
              "name", account.name(),
              "status", account.status(),
              "industry", account.industry(),
              "employees", account.employees(),
              "region", account.region());
        });
  }

  private SyncToolSpecification findContact() {
    return tool(
        "crm.find_contact",
        "Find contact",
        "The contact person of an account: the one whose title has the role, else its main"
            + " contact.",
        "{\"type\":\"object\",\"properties\":{\"account_id\":{\"type\":\"string\"},"
            + "\"role\":{\"type\":\"string\",\"description\":\"preferred, e.g. head of sales\"}},"
            + "\"required\":[\"account_id\"]}",
        READS,
        request -> {
          Contact contact = book.findContact(text(request, "account_id"), text(request, "role"));
          return map(
              "contact", contact.email(),
              "name", contact.name(),
              "title", contact.title(),
              "contact_id", contact.contactId(),
              "account_id", contact.accountId(),
              "account", book.accountName(contact.accountId()));
        });
  }

  private SyncToolSpecification draft() {
    return tool(
        "email.draft",
        "Draft email",
        "Writes a follow-up email for a contact; sends and stores nothing.",
        "{\"type\":\"object\",\"properties\":{\"to\":{\"type\":\"string\",\"format\":\"email\"},"
            + "\"name\":{\"type\":\"string\"},\"title\":{\"type\":\"string\"},"
            + "\"account\":{\"type\":\"string\"},\"industry\":{\"type\":\"string\"},"
            + "\"goal\":{\"type\":\"string\",\"description\":\"what to follow up on\"}},"
            + "\"required\":[\"to\",\"name\",\"account\",\"goal\"]}",
        READS,
        request ->
            SalesBook.draft(
                text(request, "to"),
                text(request, "name"),
                text(request, "title"),
                text(request, "account"),
                text(request, "industry"),
                text(request, "goal")));
  }

  private SyncToolSpecification send() {
    return tool(
        "email.send",
        "Send email",
        "Sends an email to a person outside the company. It cannot be taken back.",
        "{\"type\":\"object\",\"properties\":{\"to\":{\"type\":\"string\",\"format\":\"email\"},"
            + "\"subject\":{\"type\":\"string\"},\"body\":{\"type\":\"string\"},"
            + KEY_PROPERTY
            + "},\"required\":[\"to\",\"subject\",\"body\"]}",
        changes(true),
        request ->
            book.send(
                key(request),
                text(request, "to"),
                text(request, "subject"),
                text(request, "body")));
  }

  private SyncToolSpecification logActivity() {
    return tool(
        "crm.log_activity",
        "Log activity",
        "Records an activity (email, call, meeting, note) on an account in the CRM.",
        "{\"type\":\"object\",\"properties\":{\"account_id\":{\"type\":\"string\"},"
            + "\"contact\":{\"type\":\"string\",\"format\":\"email\"},"
            + "\"kind\":{\"type\":\"string\",\"enum\":[\"email\",\"call\",\"meeting\",\"note\"]},"
            + "\"summary\":{\"type\":\"string\"},"
            + KEY_PROPERTY
            + "},\"required\":[\"account_id\",\"kind\",\"summary\"]}",
        changes(false),
        request ->
            book.logActivity(
                key(request),
                text(request, "account_id"),
                text(request, "contact"),
                text(request, "kind"),
                text(request, "summary")));
  }

  private SyncToolSpecification scheduleFollowup() {
    return tool(
        "calendar.schedule_followup",
        "Schedule follow-up",
        "Puts a follow-up with a contact in the sales calendar, a period from today or on a date.",
        "{\"type\":\"object\",\"properties\":{"
            + "\"contact\":{\"type\":\"string\",\"format\":\"email\"},"
            + "\"account_id\":{\"type\":\"string\"},"
            + "\"after\":{\"type\":\"string\",\"description\":\"ISO-8601 period from today, e.g."
            + " P3D\"},"
            + "\"when\":{\"type\":\"string\",\"description\":\"or a date (2026-05-04) or a"
            + " date-time with offset\"},"
            + "\"note\":{\"type\":\"string\"},"
            + KEY_PROPERTY
            + "},\"required\":[\"contact\",\"note\"]}",
        changes(false),
        request ->
            book.scheduleFollowup(
                key(request),
                text(request, "account_id"),
                text(request, "contact"),
                text(request, "after"),
                text(request, "when"),
                text(request, "note")));
  }

  /**
   * Additive changes (nothing is overwritten or deleted); not idempotent for a caller that sends no
   * key; open-world when it reaches people outside.
   */
  private static ToolAnnotations changes(boolean outside) {
    return ToolAnnotations.builder()
        .readOnlyHint(false)
        .destructiveHint(false)
        .idempotentHint(false)
        .openWorldHint(outside)
        .build();
  }

  @FunctionalInterface
  private interface Handler {
    Map<String, Object> handle(CallToolRequest request) throws SalesRefusal;
  }

  private SyncToolSpecification tool(
      String name,
      String title,
      String description,
      String schema,
      ToolAnnotations annotations,
      Handler handler) {
    McpSchema.Tool tool =
        McpSchema.Tool.builder(name, json, schema)
            .title(title)
            .description(description)
            .annotations(annotations)
            .build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler(
            (exchange, request) -> {
              try {
                Map<String, Object> result = handler.handle(request);
                return CallToolResult.builder()
                    .structuredContent(result)
                    .addTextContent(mapper.writeValueAsString(result))
                    .build();
              } catch (SalesRefusal refusal) {
                return CallToolResult.builder()
                    .addTextContent(refusal.getMessage())
                    .isError(true)
                    .build();
              }
            })
        .build();
  }

  private static String text(CallToolRequest request, String name) {
    Object value = request.arguments() == null ? null : request.arguments().get(name);
    return value == null ? null : value.toString();
  }

  private static String key(CallToolRequest request) {
    String key = text(request, IDEMPOTENCY_KEY_ARGUMENT);
    if ((key == null || key.isBlank()) && request.meta() != null) {
      Object meta = request.meta().get(IDEMPOTENCY_KEY_META);
      key = meta == null ? null : meta.toString();
    }
    return key == null || key.isBlank() ? null : key;
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> result = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      result.put((String) pairs[i], pairs[i + 1]);
    }
    return result;
  }
}
