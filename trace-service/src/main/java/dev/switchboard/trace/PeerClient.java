package dev.switchboard.trace;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.streams.state.HostInfo;

/**
 * HTTP to the other trace-service instances. Every request says it was forwarded, so the instance
 * that gets it answers from its own partitions and never forwards again.
 */
final class PeerClient {
  /** Set on requests between instances: answer locally, do not fan out or route. */
  static final String FORWARDED_HEADER = "Switchboard-Forwarded";

  private final HttpClient http;
  private final Duration timeout;
  private final String peerToken;

  record Answer(int status, String body) {}

  /**
   * @param peerToken the instances' shared token, sent instead of the caller's credentials; null:
   *     the caller's {@code Authorization} goes along (a console session has none)
   */
  PeerClient(Duration timeout, String peerToken) {
    this.timeout = timeout;
    this.peerToken = peerToken == null || peerToken.isBlank() ? null : peerToken.strip();
    this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  /**
   * The headers of the caller's request that go along: its credentials, for a peer that has no peer
   * token to check instead.
   */
  static Map<String, String> passedOn(String authorization) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (authorization != null && !authorization.isBlank()) {
      headers.put("Authorization", authorization);
    }
    return headers;
  }

  Answer get(HostInfo peer, String pathAndQuery, Map<String, String> headers) {
    HttpRequest request = request(peer, pathAndQuery, headers, "application/json").GET().build();
    try {
      HttpResponse<String> response =
          http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new PeerUnreachableException(peer, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeerUnreachableException(peer, e);
    }
  }

  /**
   * Opens an event stream; the answer's status is known, its body is read as it comes. Close the
   * stream to stop it.
   */
  PeerStream stream(HostInfo peer, String pathAndQuery, Map<String, String> headers) {
    HttpRequest request = request(peer, pathAndQuery, headers, "text/event-stream").GET().build();
    try {
      HttpResponse<InputStream> response =
          http.send(request, HttpResponse.BodyHandlers.ofInputStream());
      return new PeerStream(peer, response.statusCode(), response.body());
    } catch (IOException e) {
      throw new PeerUnreachableException(peer, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PeerUnreachableException(peer, e);
    }
  }

  private HttpRequest.Builder request(
      HostInfo peer, String pathAndQuery, Map<String, String> headers, String accept) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(
                URI.create("http://" + peer.host() + ":" + peer.port() + pathAndQuery))
            .timeout(timeout)
            .header("Accept", accept)
            .header(FORWARDED_HEADER, "true");
    headers.forEach(builder::header);
    if (peerToken != null) {
      // This instance already checked the caller; the peer needs to know only that it asks.
      builder.setHeader("Authorization", "Bearer " + peerToken);
    }
    return builder;
  }

  /** An open event stream from a peer. */
  static final class PeerStream implements AutoCloseable {
    private final HostInfo peer;
    private final int status;
    private final InputStream body;
    private final SseMessageReader reader;

    PeerStream(HostInfo peer, int status, InputStream body) {
      this.peer = peer;
      this.status = status;
      this.body = body;
      this.reader = new SseMessageReader(body);
    }

    int status() {
      return status;
    }

    HostInfo peer() {
      return peer;
    }

    /** The whole body of an answer that is not a stream (an error), at most 4 KB of it. */
    String errorBody() {
      try (body) {
        return new String(body.readNBytes(4096), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }

    /** The next message; null when the peer ended the stream. */
    SseMessage next() throws IOException {
      return reader.next();
    }

    @Override
    public void close() {
      try {
        body.close();
      } catch (IOException e) {
        // Closing a broken stream: nothing left to do.
      }
    }
  }

  /** Another instance did not answer; the goal or list it holds cannot be read right now. */
  static final class PeerUnreachableException extends RuntimeException {
    PeerUnreachableException(HostInfo peer, Exception cause) {
      super(
          "trace-service instance "
              + peer.host()
              + ":"
              + peer.port()
              + " did not answer ("
              + (cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName())
              + ")",
          cause);
    }
  }
}
