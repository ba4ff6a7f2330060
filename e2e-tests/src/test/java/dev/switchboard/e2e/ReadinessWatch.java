package dev.switchboard.e2e;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Polls every service's readiness (and the broker's port) four times a second while a fault
 * scenario runs: when each came back, and every moment a service was not ready although nobody had
 * taken it (or the broker) down.
 */
final class ReadinessWatch implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(250);
  private static final Duration ANSWER_WITHIN = Duration.ofSeconds(5);

  /** A service seen not ready while it was expected up. */
  record Lapse(String service, Instant at) {}

  private final LocalStack stack;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
  // Two threads: the broker's port is watched on its own, so a slow round of readiness answers
  // (up to six times ANSWER_WITHIN) never delays seeing the broker back.
  private final ScheduledExecutorService poller = Executors.newScheduledThreadPool(2);
  private final Map<String, Instant> readySince = new ConcurrentHashMap<>();
  private final Map<String, Instant> notReadySince = new ConcurrentHashMap<>();
  private final Set<String> expectedDown = ConcurrentHashMap.newKeySet();
  private final List<Lapse> lapses = new CopyOnWriteArrayList<>();
  private final AtomicInteger slowAnswers = new AtomicInteger();
  private volatile Instant brokerUpSince;

  ReadinessWatch(LocalStack stack) {
    this.stack = stack;
    poller.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    poller.scheduleWithFixedDelay(this::pollBroker, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** From now on {@code service} may be not ready (it is about to be killed). */
  void expectDown(String service) {
    expectedDown.add(service);
    readySince.remove(service);
    notReadySince.remove(service);
  }

  /** The broker is about to be killed: every service may be not ready until it returns. */
  synchronized void expectBrokerDown() {
    brokerUpSince = null;
    LocalStack.SERVICES.forEach(this::expectDown);
  }

  /** When the service was first seen ready since {@link #expectDown}, or null. */
  Instant readySince(String service) {
    return readySince.get(service);
  }

  /** When the service was first seen not ready (or not answering) since {@link #expectDown}. */
  Instant notReadySince(String service) {
    return notReadySince.get(service);
  }

  /** When the broker's port was first seen open again after {@link #expectBrokerDown}. */
  Instant brokerUpSince() {
    return brokerUpSince;
  }

  /** The service is expected up again (it was seen ready). */
  void expectUp(String service) {
    expectedDown.remove(service);
  }

  /** Every lapse so far of a service that was expected up. */
  List<Lapse> lapses() {
    return new ArrayList<>(lapses);
  }

  // Synchronized with expectBrokerDown: a port check begun before the kill cannot count as the
  // broker's return.
  private synchronized void pollBroker() {
    if (brokerUpSince == null && portOpen(LocalStack.KAFKA_PORT)) {
      brokerUpSince = Instant.now();
    }
  }

  private void poll() {
    for (String service : LocalStack.SERVICES) {
      Boolean ready = ready(service);
      // When the answer came, not when the poll began: a poll of six endpoints takes a while.
      Instant now = Instant.now();
      if (ready == null) {
        continue;
      }
      if (ready) {
        readySince.putIfAbsent(service, now);
      } else {
        readySince.remove(service);
        notReadySince.putIfAbsent(service, now);
        if (!expectedDown.contains(service)) {
          lapses.add(new Lapse(service, now));
        }
      }
    }
  }

  /**
   * Null when the service did not answer within {@link #ANSWER_WITHIN}: on a starved machine a slow
   * answer says nothing about readiness, so it is counted apart, not as a lapse.
   */
  private Boolean ready(String service) {
    try {
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(stack.readinessUrl(service)))
              .timeout(ANSWER_WITHIN)
              .GET()
              .build();
      return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (HttpTimeoutException e) {
      slowAnswers.incrementAndGet();
      return null;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Readiness polls that got no answer in time (not lapses: see {@link #ready}). */
  int slowAnswers() {
    return slowAnswers.get();
  }

  private static boolean portOpen(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("localhost", port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Override
  public void close() {
    poller.shutdownNow();
  }
}
