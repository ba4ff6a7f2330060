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
 * calendar.}), JSON Schemas, honest annotations, structured results (and the same as JSON text).
 * Tools that change something take an idempotency key: the {@code idempotencyKey} argument, else
 * {@code _meta["dev.switchboard/idempotency-key"]}.
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
        "Finds a CRM account by its name (any case) or id, or the one account a text names.",
        "{\"type\":\"object\",\"properties\":{\"account\":{\"type\":\"string\","
            + "\"description\":\"name or id, e.g. ACME\"}},\"required\":[\"account\"]}",
        READS,
        request -> {
          Account account = book.lookupAccount(text(request, "account"));
          long contacts =
              book.data().contacts().stream()
                  .filter(c -> c.accountId().equals(account.accountId()))
                  .count();
          return map(
              "accountId", account.accountId(),
              "account", account.name(),
              "industry", account.industry(),
              "tier", account.tier(),
              "contacts", contacts);
        });
  }

  private SyncToolSpecification findContact() {
    return tool(
        "crm.find_contact",
        "Find contact",
        "The contact person of an account; with a role, the one whose title has it.",
        "{\"type\":\"object\",\"properties\":{\"accountId\":{\"type\":\"string\"},"
            + "\"role\":{\"type\":\"string\",\"description\":\"e.g. CTO, procurement\"}},"
            + "\"required\":[\"accountId\"]}",
        READS,
        request -> {
          Contact contact = book.findContact(text(request, "accountId"), text(request, "role"));
          String account =
              book.data().accounts().stream()
                  .filter(a -> a.accountId().equals(contact.accountId()))
                  .findFirst()
                  .map(Account::name)
                  .orElse(contact.accountId());
          return map(
              "contactId", contact.contactId(),
              "name", contact.name(),
              "email", contact.email(),
              "title", contact.title(),
              "accountId", contact.accountId(),
              "account", account);
        });
  }

  private SyncToolSpecification logActivity() {
    return tool(
        "crm.log_activity",
        "Log activity",
        "Records an activity (email, call, meeting, note) on an account in the CRM.",
        "{\"type\":\"object\",\"properties\":{\"accountId\":{\"type\":\"string\"},"
            + "\"contactId\":{\"type\":\"string\"},"
            + "\"type\":{\"type\":\"string\",\"enum\":[\"email\",\"call\",\"meeting\",\"note\"]},"
            + "\"summary\":{\"type\":\"string\"},"
            + KEY_PROPERTY
            + "},\"required\":[\"accountId\",\"type\",\"summary\"]}",
        changes(false),
        request ->
            book.logActivity(
                key(request),
                text(request, "accountId"),
                text(request, "contactId"),
                text(request, "type"),
                text(request, "summary")));
  }

  private SyncToolSpecification draft() {
    return tool(
        "email.draft",
        "Draft email",
        "Writes a follow-up email for a contact; sends and stores nothing.",
        "{\"type\":\"object\",\"properties\":{\"to\":{\"type\":\"string\",\"format\":\"email\"},"
            + "\"recipientName\":{\"type\":\"string\"},\"account\":{\"type\":\"string\"},"
            + "\"topic\":{\"type\":\"string\",\"description\":\"what to follow up on\"}},"
            + "\"required\":[\"to\",\"recipientName\",\"account\",\"topic\"]}",
        READS,
        request ->
            SalesBook.draft(
                text(request, "to"),
                text(request, "recipientName"),
                text(request, "account"),
                text(request, "topic")));
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

  private SyncToolSpecification scheduleFollowup() {
    return tool(
        "calendar.schedule_followup",
        "Schedule follow-up",
        "Puts a follow-up with an account in the sales calendar.",
        "{\"type\":\"object\",\"properties\":{\"accountId\":{\"type\":\"string\"},"
            + "\"contactEmail\":{\"type\":\"string\",\"format\":\"email\"},"
            + "\"when\":{\"type\":\"string\",\"description\":\"a date (2026-05-04) or a date-time"
            + " with offset\"},\"title\":{\"type\":\"string\"},"
            + KEY_PROPERTY
            + "},\"required\":[\"accountId\",\"when\",\"title\"]}",
        changes(false),
        request ->
            book.scheduleFollowup(
                key(request),
                text(request, "accountId"),
                text(request, "contactEmail"),
                text(request, "when"),
                text(request, "title")));
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
