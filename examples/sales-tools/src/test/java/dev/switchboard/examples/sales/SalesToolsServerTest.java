package dev.switchboard.examples.sales;

import static org.assertj.core.api.Assertions.assertThat;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The server as MCP clients see it: over streamable HTTP, with the SDK's client. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SalesToolsServerTest {
  static final String TOKEN = "test-token-" + UUID.randomUUID();

  @LocalServerPort int port;
  private final JsonMapper mapper = JsonMapper.builder().build();
  private McpSyncClient client;

  @DynamicPropertySource
  static void settings(DynamicPropertyRegistry registry) throws Exception {
    Path dir = java.nio.file.Files.createTempDirectory("sales-tools-test");
    registry.add("sales-tools.data-dir", dir::toString);
    registry.add("sales-tools.token", () -> TOKEN);
  }

  @BeforeEach
  void connect() {
    client =
        McpClient.sync(
                HttpClientStreamableHttpTransport.builder("http://localhost:" + port)
                    .endpoint("/mcp")
                    .addHttpRequestCustomizer(
                        (builder, method, uri, body, context) ->
                            builder.header("Authorization", "Bearer " + TOKEN))
                    .build())
            .requestTimeout(Duration.ofSeconds(20))
            .build();
    client.initialize();
  }

  @AfterEach
  void close() {
    client.closeGracefully();
  }

  @Test
  void shouldOfferTheSalesToolsWithTheirAnnotations() {
    Map<String, McpSchema.Tool> tools =
        client.listTools().tools().stream()
            .collect(Collectors.toMap(McpSchema.Tool::name, Function.identity()));

    assertThat(tools)
        .containsOnlyKeys(
            "crm.lookup_account",
            "crm.find_contact",
            "crm.log_activity",
            "email.draft",
            "email.send",
            "calendar.schedule_followup");
    for (String reader : new String[] {"crm.lookup_account", "crm.find_contact", "email.draft"}) {
      assertThat(tools.get(reader).annotations().readOnlyHint()).as(reader).isTrue();
      assertThat(tools.get(reader).annotations().openWorldHint()).as(reader).isFalse();
    }
    McpSchema.ToolAnnotations send = tools.get("email.send").annotations();
    assertThat(send.readOnlyHint()).isFalse();
    assertThat(send.openWorldHint()).isTrue();
    assertThat(send.idempotentHint()).isFalse();
    McpSchema.ToolAnnotations log = tools.get("crm.log_activity").annotations();
    assertThat(log.readOnlyHint()).isFalse();
    assertThat(log.destructiveHint()).isFalse();
    assertThat(log.openWorldHint()).isFalse();
    assertThat(tools.get("email.send").inputSchema()).containsKey("properties");
    assertThat(tools.get("email.send").inputSchema().get("properties").toString())
        .contains("idempotencyKey");
  }

  @Test
  void shouldWalkTheDemosStepsWithStructuredResults() {
    JsonNode account = structured(call("crm.lookup_account", Map.of("account", "ACME"), null));
    JsonNode byId =
        structured(call("crm.lookup_account", Map.of("account_id", "acct-umbrella"), null));
    JsonNode contact =
        structured(
            call(
                "crm.find_contact",
                Map.of("account_id", account.get("id").asString(), "role", "head of sales"),
                null));
    JsonNode draft =
        structured(
            call(
                "email.draft",
                Map.of(
                    "to", contact.get("contact").asString(),
                    "name", contact.get("name").asString(),
                    "title", contact.get("title").asString(),
                    "account", account.get("name").asString(),
                    "industry", account.get("industry").asString(),
                    "goal", "Tell ACME about the new pricing"),
                null));

    assertThat(account.get("id").asString()).isEqualTo("acct-acme");
    assertThat(account.get("status").asString()).isEqualTo("prospect");
    assertThat(account.get("employees").asInt()).isEqualTo(1200);
    assertThat(byId.get("status").asString()).isEqualTo("customer");
    assertThat(contact.get("contact").asString()).isEqualTo("pat.lee@acme.example");
    assertThat(contact.get("name").asString()).isEqualTo("Pat Lee");
    assertThat(draft.get("subject").asString()).isEqualTo("Following up with ACME");
    assertThat(draft.get("body").asString()).startsWith("Hello Pat Lee,");
  }

  @Test
  void shouldAnswerAnUnknownAccountWithAnError() {
    CallToolResult result = call("crm.lookup_account", Map.of("account", "Hooli"), null);

    assertThat(result.isError()).isTrue();
    assertThat(((TextContent) result.content().getFirst()).text())
        .isEqualTo("no account named 'Hooli'");
  }

  @Test
  void shouldSendOncePerKeyFromMetaOrArgumentAndShowItInTheLedger() throws Exception {
    String key = "goal-" + UUID.randomUUID() + "/step-4";
    Map<String, Object> mail =
        Map.of("to", "pat.lee@acme.example", "subject", "Pricing", "body", "Hello Pat");

    JsonNode first = structured(call("email.send", mail, key));
    JsonNode again = structured(call("email.send", mail, key));
    Map<String, Object> withArgument = new java.util.HashMap<>(mail);
    withArgument.put("idempotencyKey", key);
    JsonNode third = structured(call("email.send", withArgument, null));

    assertThat(again).isEqualTo(first);
    assertThat(third).isEqualTo(first);
    JsonNode ledger = get("/api/ledger?key=" + key);
    assertThat(ledger.get("emails")).hasSize(1);
    assertThat(ledger.get("emails").get(0).get("to").asString()).isEqualTo("pat.lee@acme.example");
    JsonNode row = ledger.get("idempotencyKeys").get(0);
    assertThat(row.get("tool").asString()).isEqualTo("email.send");
    assertThat(row.get("calls").asInt()).isEqualTo(3);
    assertThat(row.get("effects").asInt()).isEqualTo(1);
  }

  @Test
  void shouldWantTheTokenForMcpButNotForTheLedgerOrHealth() throws Exception {
    HttpResponse<String> withoutToken =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/mcp"))
                    .header("Content-Type", "application/json")
                    .header("Accept", "application/json, text/event-stream")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());

    assertThat(withoutToken.statusCode()).isEqualTo(401);
    assertThat(withoutToken.body()).doesNotContain(TOKEN);
    assertThat(get("/api/ledger").has("idempotencyKeys")).isTrue();
    assertThat(get("/actuator/health/readiness").get("status").asString()).isEqualTo("UP");
  }

  private CallToolResult call(String tool, Map<String, Object> arguments, String key) {
    CallToolRequest.Builder request = CallToolRequest.builder(tool).arguments(arguments);
    if (key != null) {
      request.meta(Map.of(SalesTools.IDEMPOTENCY_KEY_META, key));
    }
    return client.callTool(request.build());
  }

  private JsonNode structured(CallToolResult result) {
    assertThat(result.isError()).as("%s", result).isNotEqualTo(Boolean.TRUE);
    return mapper.valueToTree(result.structuredContent());
  }

  private JsonNode get(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return mapper.readTree(response.body());
  }
}
