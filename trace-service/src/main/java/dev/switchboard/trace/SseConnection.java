package dev.switchboard.trace;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * One client's event stream. Sending never throws: a client that went away (or a stream that
 * reached its maximum age) just closes the connection, and whoever waits on it is woken.
 */
final class SseConnection {
  private final SseEmitter emitter;
  private final List<Runnable> closeListeners = new CopyOnWriteArrayList<>();
  private volatile boolean open = true;

  SseConnection(SseEmitter emitter) {
    this.emitter = emitter;
    emitter.onCompletion(this::closed);
    emitter.onError(error -> closed());
    emitter.onTimeout(this::end);
  }

  SseEmitter emitter() {
    return emitter;
  }

  boolean open() {
    return open;
  }

  void onClose(Runnable listener) {
    closeListeners.add(listener);
    if (!open) {
      listener.run();
    }
  }

  boolean send(SseEmitter.SseEventBuilder event) {
    if (!open) {
      return false;
    }
    try {
      emitter.send(event);
      return true;
    } catch (IOException | IllegalStateException e) {
      // The client is gone; the container completes the request.
      closed();
      return false;
    }
  }

  /** A comment line: keeps proxies from closing an idle stream and finds clients that left. */
  void heartbeat() {
    send(SseEmitter.event().comment("keep-alive"));
  }

  /** Ends the stream; an EventSource reconnects after the advertised retry. */
  void end() {
    if (open) {
      closed();
      try {
        emitter.complete();
      } catch (IllegalStateException e) {
        // Already completed by the container.
      }
    }
  }

  private void closed() {
    if (open) {
      open = false;
      closeListeners.forEach(Runnable::run);
    }
  }
}
