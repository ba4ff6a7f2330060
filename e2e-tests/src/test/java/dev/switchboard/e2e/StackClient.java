package dev.switchboard.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What a person or an outside system does over HTTP: read the inbox, decide, read journals. */
final class StackClient {
  private final StackUnderTest stack;
  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();

  StackClient(StackUnderTest stack) {
    this.stack = stack;
  }

  /** Waits until every service reports ready. */
  void awaitReady(List<String> readinessUrls, Duration timeout) {
    await()
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(250))
        .until(() -> readinessUrls.stream().allMatch(url -> status(get(url, false)) == 200));
  }

  /** Waits for the goal's pending approval of an action on this tool and returns it. */
  JsonNode awaitPendingApproval(String goalId, String tool) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> pendingFor(goalId, tool), item -> item != null);
  }

  /** The goal's first pending inbox item for an action on this tool, or null. */
  JsonNode pendingFor(String goalId, String tool) {
    return pendingItems(goalId)
        .filter(item -> tool.equals(item.path("action").path("tool").asString()))
        .findFirst()
        .orElse(null);
  }

  /** The goal's first pending inbox item of any kind (approval, question, handoff), or null. */
  JsonNode pendingFor(String goalId) {
    return pendingItems(goalId).findFirst().orElse(null);
  }

  /** Every pending inbox item the operator sees, all pages; empty while the inbox is down. */
  List<JsonNode> allPending() {
    List<JsonNode> items = new java.util.ArrayList<>();
    for (int page = 0; ; page++) {
      HttpResponse<String> response;
      try {
        response = get(stack.handoffUrl() + "/api/escalations?size=200&page=" + page, true);
      } catch (IllegalStateException unreachable) {
        return items;
      }
      if (response.statusCode() != 200) {
        return items;
      }
      JsonNode body = json.readTree(response.body());
      body.path("items").forEach(items::add);
      if (page + 1 >= body.path("totalPages").asInt()) {
        return items;
      }
    }
  }

  private Stream<JsonNode> pendingItems(String goalId) {
    HttpResponse<String> response =
        get(
            stack.handoffUrl()
                + "/api/escalations?goalId="
                + URLEncoder.encode(goalId, StandardCharsets.UTF_8),
            true);
    if (response.statusCode() != 200) {
      return Stream.empty();
    }
    return StreamSupport.stream(json.readTree(response.body()).path("items").spliterator(), false)
        .filter(item -> goalId.equals(item.path("goalId").asString()));
  }

  /**
   * The example MCP server's read-only ledger for one idempotency key (an action id): what it sent
   * or changed with it, and how often it was asked and acted; all keys when {@code key} is null.
   */
  JsonNode ledger(String key) {
    String query = key == null ? "" : "?key=" + URLEncoder.encode(key, StandardCharsets.UTF_8);
    HttpResponse<String> response = get(stack.salesToolsUrl() + "/api/ledger" + query, false);
    if (response.statusCode() != 200) {
      throw new IllegalStateException("ledger answered " + response.statusCode());
    }
    return json.readTree(response.body());
  }

  HttpResponse<String> approve(String escalationId, String comment) {
    return post(escalationId, "approve", "{\"comment\":\"" + comment + "\"}", true);
  }

  HttpResponse<String> deny(String escalationId, String reason) {
    return post(escalationId, "deny", "{\"reason\":\"" + reason + "\"}", true);
  }

  HttpResponse<String> answer(String escalationId, String answer) {
    return post(escalationId, "answer", "{\"answer\":\"" + answer + "\"}", true);
  }

  HttpResponse<String> takeOver(String escalationId, String result) {
    return post(escalationId, "take-over", "{\"result\":\"" + result + "\"}", true);
  }

  /** Moves the item to {@code human:<queue>} or hands its goal to {@code agent:<name>}. */
  HttpResponse<String> reassign(String escalationId, String to) {
    return post(escalationId, "reassign", "{\"to\":\"" + to + "\"}", true);
  }

  /** Waits for the goal's pending inbox item of this type (e.g. QuestionAsked) and returns it. */
  JsonNode awaitPending(String goalId, String type) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                pendingItems(goalId)
                    .filter(item -> type.equals(item.path("type").asString()))
                    .filter(item -> "PENDING".equals(item.path("status").asString()))
                    .findFirst()
                    .orElse(null),
            item -> item != null);
  }

  /** One inbox item, as the API shows it. */
  JsonNode item(String escalationId) {
    HttpResponse<String> response =
        get(stack.handoffUrl() + "/api/escalations/" + escalationId, true);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "item " + escalationId + " answered " + response.statusCode() + ": " + response.body());
    }
    return json.readTree(response.body());
  }

  HttpResponse<String> approveWithoutToken(String escalationId) {
    return post(escalationId, "approve", "{}", false);
  }

  /** The goal's journal from the trace-service as it is now (missing when it has none). */
  JsonNode journal(String goalId) {
    HttpResponse<String> response = get(stack.traceUrl() + "/api/goals/" + goalId, true);
    return response.statusCode() == 200 ? json.readTree(response.body()) : json.missingNode();
  }

  /** The goal's journal from the trace-service, once it reached the status. */
  JsonNode awaitJournal(String goalId, String status) {
    return await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> {
              HttpResponse<String> response = get(stack.traceUrl() + "/api/goals/" + goalId, true);
              return response.statusCode() == 200 ? json.readTree(response.body()) : null;
            },
            journal -> journal != null && status.equals(journal.path("status").asString()));
  }

  private HttpResponse<String> post(
      String escalationId, String decision, String body, boolean withToken) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                URI.create(
                    stack.handoffUrl() + "/api/escalations/" + escalationId + "/" + decision))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (withToken) {
      request.header("Authorization", "Bearer " + stack.operatorToken());
    }
    return send(request.build());
  }

  private HttpResponse<String> get(String url, boolean withToken) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
    if (withToken) {
      request.header("Authorization", "Bearer " + stack.operatorToken());
    }
    return send(request.build());
  }

  private HttpResponse<String> send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(request.uri() + " is unreachable: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int status(HttpResponse<String> response) {
    return response.statusCode();
  }
}
