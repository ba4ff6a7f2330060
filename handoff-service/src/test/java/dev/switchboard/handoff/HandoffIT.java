package dev.switchboard.handoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.contracts.Topics;
import dev.switchboard.contracts.event.EscalationEvent.ApprovalRequested;
import dev.switchboard.contracts.event.ResolutionEvent.Approved;
import dev.switchboard.edge.testing.TopicProbe;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

@SpringBootTest(
    classes = HandoffApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "switchboard.handoff.operator-token=" + HandoffIT.TOKEN
    })
class HandoffIT {
  static final String TOKEN = "operator-token-for-the-it";
  private static final Duration WAIT = Duration.ofSeconds(30);

  @Value("${spring.embedded.kafka.brokers}")
  String brokers;

  @LocalServerPort int port;

  @Autowired InboxSource inbox;

  private final RestClient http = RestClient.create();
  private TopicProbe probe;

  @BeforeEach
  void openProbe() {
    probe = new TopicProbe(brokers, TopicNames.unprefixed());
  }

  @AfterEach
  void closeProbe() {
    probe.close();
  }

  @Test
  void shouldTurnAnApprovalRequestIntoAnOperatorsApproval() {
    String goalId = "handoff-it-" + UUID.randomUUID();
    ApprovalRequested request =
        Escalations.approvalRequested(goalId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    String escalationId = request.escalationId();

    probe.send(Topics.ESCALATION, request);

    JsonNode item = awaitPendingItem(goalId);
    assertThat(item.get("escalationId").asString()).isEqualTo(escalationId);
    assertThat(item.get("type").asString()).isEqualTo("ApprovalRequested");
    assertThat(item.get("action").get("tool").asString()).isEqualTo("demo.send");
    assertThat(item.get("createdAt").asString()).isEqualTo(request.occurredAt().toString());
    assertThat(pendingIds()).contains(escalationId);

    ResponseEntity<String> anonymous = post(itemUri(escalationId, "approve"), null, null);
    assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Bearer");

    ResponseEntity<String> approved =
        post(itemUri(escalationId, "approve"), "{\"comment\":\"fine\"}", TOKEN);
    assertThat(approved.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    assertThat(json(approved.getBody()).get("resolution").asString()).isEqualTo("Approved");

    Approved resolution = probe.awaitEvent(Topics.RESOLUTION, goalId, Approved.class);
    assertThat(resolution.escalationId()).isEqualTo(escalationId);
    assertThat(resolution.actor()).isEqualTo("local-operator");
    assertThat(resolution.comment()).isEqualTo("fine");
    assertThat(resolution.causationId()).isEqualTo(request.eventId());
    assertThat(pendingIds()).doesNotContain(escalationId);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(inbox.ofGoal(goalId).orElseThrow().item(escalationId).orElseThrow())
                    .extracting(InboxItem::status, InboxItem::resolvedBy)
                    .containsExactly(ItemStatus.RESOLVED, "local-operator"));

    assertThat(post(itemUri(escalationId, "approve"), null, TOKEN).getStatusCode())
        .isEqualTo(HttpStatus.CONFLICT);
    assertThat(post(itemUri(escalationId, "deny"), "{}", TOKEN).getStatusCode())
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(probe.events(Topics.RESOLUTION, goalId)).hasSize(1);
  }

  @Test
  void shouldKeepActuatorOpenAndTheApiClosed() {
    assertThat(get("/actuator/health/liveness", null).getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(get("/api/escalations", null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    assertThat(get("/api/escalations", "not-the-operator-token").getStatusCode())
        .isEqualTo(HttpStatus.UNAUTHORIZED);
  }

  private JsonNode awaitPendingItem(String goalId) {
    return await()
        .atMost(WAIT)
        .until(
            () -> {
              ResponseEntity<String> response = get("/api/escalations?goalId=" + goalId, TOKEN);
              return response.getStatusCode().is2xxSuccessful() ? json(response.getBody()) : null;
            },
            items -> items != null && items.size() == 1)
        .get(0);
  }

  private List<String> pendingIds() {
    ResponseEntity<String> response = get("/api/escalations", TOKEN);
    assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
    return json(response.getBody())
        .valueStream()
        .map(i -> i.get("escalationId").asString())
        .toList();
  }

  private URI itemUri(String escalationId, String decision) {
    return URI.create(
        base()
            + "/api/escalations/"
            + UriUtils.encodePathSegment(escalationId, StandardCharsets.UTF_8)
            + "/"
            + decision);
  }

  private ResponseEntity<String> get(String path, String token) {
    return http.get()
        .uri(URI.create(base() + path))
        .headers(headers -> authorize(headers, token))
        .retrieve()
        .onStatus(status -> true, (req, res) -> {})
        .toEntity(String.class);
  }

  private ResponseEntity<String> post(URI uri, String body, String token) {
    RestClient.RequestBodySpec request =
        http.post().uri(uri).headers(headers -> authorize(headers, token));
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).body(body);
    }
    return request.retrieve().onStatus(status -> true, (req, res) -> {}).toEntity(String.class);
  }

  private static void authorize(HttpHeaders headers, String token) {
    if (token != null) {
      headers.setBearerAuth(token);
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private static JsonNode json(String body) {
    return Escalations.CODEC.mapper().readTree(body);
  }
}
