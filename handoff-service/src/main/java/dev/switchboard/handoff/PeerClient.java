package dev.switchboard.handoff;

import dev.switchboard.edge.GoalStates.StateNotReadyException;
import dev.switchboard.handoff.EscalationDesk.Accepted;
import dev.switchboard.websecurity.Caller;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls the handoff instance that owns a goal, as that instance's peer: the person was
 * authenticated here, and the owner decides with the person's name and roles as sent.
 */
final class PeerClient {
  static final String ITEMS = "/internal/inbox/items";

  /** An answer forwarded to the owner, with who gave it and from where. */
  record PeerAnswer(Caller caller, Answer answer, RequestOrigin origin) {}

  private final RestClient http;
  private final String authorization;

  PeerClient(JsonMapper mapper, String peerToken) {
    JdkClientHttpRequestFactory requests =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    requests.setReadTimeout(Duration.ofSeconds(10));
    this.http =
        RestClient.builder()
            .requestFactory(requests)
            .configureMessageConverters(
                converters ->
                    converters.withJsonConverter(new JacksonJsonHttpMessageConverter(mapper)))
            .build();
    this.authorization = peerToken == null || peerToken.isBlank() ? null : "Bearer " + peerToken;
  }

  List<InboxItem> items(URI peer, ItemFilter filter) {
    URI uri =
        UriComponentsBuilder.fromUri(peer)
            .path(ITEMS)
            .queryParam("status", filter.status())
            .queryParamIfPresent("queue", java.util.Optional.ofNullable(filter.queue()))
            .queryParamIfPresent("agent", java.util.Optional.ofNullable(filter.agent()))
            .queryParamIfPresent("kind", java.util.Optional.ofNullable(filter.kind()))
            .queryParamIfPresent("goalId", java.util.Optional.ofNullable(filter.goalId()))
            .build()
            .toUri();
    InboxItem[] items = call(peer, () -> request(http.get().uri(uri)).body(InboxItem[].class));
    return items == null ? List.of() : Arrays.asList(items);
  }

  InboxItem item(URI peer, String escalationId) {
    return call(
        peer,
        () -> request(http.get().uri(peer + ITEMS + "/{id}", escalationId)).body(InboxItem.class));
  }

  Accepted act(URI peer, String escalationId, PeerAnswer answer) {
    return call(
        peer,
        () ->
            http.post()
                .uri(peer + ITEMS + "/{id}/answers", escalationId)
                .header(HttpHeaders.AUTHORIZATION, requireToken())
                .contentType(MediaType.APPLICATION_JSON)
                .body(answer)
                .retrieve()
                .body(Accepted.class));
  }

  private RestClient.ResponseSpec request(RestClient.RequestHeadersSpec<?> spec) {
    return spec.header(HttpHeaders.AUTHORIZATION, requireToken())
        .accept(MediaType.APPLICATION_JSON)
        .retrieve();
  }

  private String requireToken() {
    if (authorization == null) {
      throw new StateNotReadyException(
          "another handoff instance owns this goal, but switchboard.handoff.peer-token is not set,"
              + " so this instance cannot ask it");
    }
    return authorization;
  }

  private interface Call<T> {
    T run();
  }

  /** The owner's problems come back as the same problems; an owner out of reach is a 503. */
  private static <T> T call(URI peer, Call<T> call) {
    try {
      return call.run();
    } catch (RestClientResponseException e) {
      Map<String, Object> problem = problemOf(e);
      String detail = String.valueOf(problem.getOrDefault("detail", e.getStatusText()));
      InboxProblem relayed =
          InboxProblem.relayed(
              e.getStatusCode().value(), (String) problem.get("type"), detail, problem);
      if (relayed != null) {
        throw relayed;
      }
      throw new StateNotReadyException(
          "the handoff instance at "
              + peer
              + " answered "
              + e.getStatusCode().value()
              + ": "
              + detail);
    } catch (ResourceAccessException e) {
      throw new StateNotReadyException("the handoff instance at " + peer + " does not answer");
    }
  }

  private static Map<String, Object> problemOf(RestClientResponseException e) {
    try {
      Map<String, Object> body =
          e.getResponseBodyAs(new ParameterizedTypeReference<Map<String, Object>>() {});
      return body == null ? Map.of() : body;
    } catch (RuntimeException unreadable) {
      return Map.of();
    }
  }
}
