package dev.switchboard.trace;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the trace-service ({@code switchboard.trace.*}).
 *
 * @param maxEntriesPerGoal journal entries kept per goal; beyond it the oldest after the first are
 *     dropped. A goal's journal is one Kafka record, so this bounds it well below 1 MB.
 * @param jaegerUrl the Jaeger UI, like {@code http://localhost:16686}; the console links each
 *     goal's trace as {@code <jaegerUrl>/trace/<traceId>} only when this is set
 * @param inboxUrl the handoff-service, like {@code http://localhost:8084}; the console links each
 *     escalation to its inbox item only when this is set
 * @param inboxItemPath the inbox item's path under {@code inboxUrl}, with {@code {escalationId}}
 * @param advertisedHost the host other instances reach this one's HTTP port at
 * @param advertisedPort the port they reach; the server's own port when not set
 * @param streamHeartbeat how often an idle event stream sends a keep-alive comment (and checks that
 *     the goals it follows are still held here)
 * @param streamMaxAge when an event stream ends so its client reconnects (and is routed anew)
 * @param streamRetry the reconnection delay event streams advertise to EventSource clients
 * @param peerTimeout how long a request to another instance may take to answer
 * @param maxRequestBytes larger request bodies are refused with 413
 */
@ConfigurationProperties("switchboard.trace")
public record TraceProperties(
    Integer maxEntriesPerGoal,
    String jaegerUrl,
    String inboxUrl,
    String inboxItemPath,
    String advertisedHost,
    Integer advertisedPort,
    Duration streamHeartbeat,
    Duration streamMaxAge,
    Duration streamRetry,
    Duration peerTimeout,
    DataSize maxRequestBytes) {
  public TraceProperties {
    maxEntriesPerGoal = maxEntriesPerGoal == null ? 1000 : maxEntriesPerGoal;
    jaegerUrl = blankToNull(jaegerUrl);
    inboxUrl = blankToNull(inboxUrl);
    inboxItemPath = inboxItemPath == null ? "/inbox/{escalationId}" : inboxItemPath;
    advertisedHost =
        advertisedHost == null || advertisedHost.isBlank() ? "localhost" : advertisedHost;
    streamHeartbeat = streamHeartbeat == null ? Duration.ofSeconds(10) : streamHeartbeat;
    streamMaxAge = streamMaxAge == null ? Duration.ofMinutes(15) : streamMaxAge;
    streamRetry = streamRetry == null ? Duration.ofSeconds(2) : streamRetry;
    peerTimeout = peerTimeout == null ? Duration.ofSeconds(3) : peerTimeout;
    maxRequestBytes = maxRequestBytes == null ? DataSize.ofKilobytes(16) : maxRequestBytes;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
