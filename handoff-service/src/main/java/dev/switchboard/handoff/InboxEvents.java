package dev.switchboard.handoff;

import dev.switchboard.websecurity.Caller;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The pages' live updates: each open page holds a server-sent-event stream, and every change of an
 * item it may see sends it a {@code changed} event (the page then fetches what it shows). A stream
 * for one item hears only that item.
 */
final class InboxEvents {
  static final String CHANGED = "changed";
  private static final Duration STREAM_TIMEOUT = Duration.ofMinutes(30);

  private record Subscriber(SseEmitter emitter, Caller caller, String escalationId) {}

  private final InboxAuthority authority;
  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();

  InboxEvents(InboxAuthority authority) {
    this.authority = authority;
  }

  /**
   * @param escalationId only this item's changes; null for every item the caller may see
   */
  SseEmitter subscribe(Caller caller, String escalationId) {
    SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
    Subscriber subscriber = new Subscriber(emitter, caller, escalationId);
    subscribers.add(subscriber);
    emitter.onCompletion(() -> subscribers.remove(subscriber));
    emitter.onTimeout(() -> subscribers.remove(subscriber));
    emitter.onError(failure -> subscribers.remove(subscriber));
    return emitter;
  }

  /** The item changed and its new state can be read; tell whoever may see it. */
  void changed(InboxItem item) {
    for (Subscriber subscriber : subscribers) {
      boolean interested =
          (subscriber.escalationId() == null
                  || subscriber.escalationId().equals(item.escalationId()))
              && authority.maySee(subscriber.caller(), item);
      if (interested) {
        send(
            subscriber,
            SseEmitter.event().name(CHANGED).data(item.escalationId(), MediaType.TEXT_PLAIN));
      }
    }
  }

  /** A comment line keeps proxies from closing quiet streams and finds the dead ones. */
  void keepAlive() {
    for (Subscriber subscriber : subscribers) {
      send(subscriber, SseEmitter.event().comment("still here"));
    }
  }

  int subscriberCount() {
    return subscribers.size();
  }

  void closeAll() {
    subscribers.forEach(subscriber -> subscriber.emitter().complete());
    subscribers.clear();
  }

  private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
    try {
      subscriber.emitter().send(event);
    } catch (IOException | IllegalStateException gone) {
      subscribers.remove(subscriber);
      subscriber.emitter().completeWithError(gone);
    }
  }
}
