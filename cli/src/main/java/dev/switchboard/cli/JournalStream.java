package dev.switchboard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An open {@code /api/goals/{goalId}/events} stream, read on its own thread so the follower can
 * wait for the next message with a timeout (and notice a stream that went silent).
 */
final class JournalStream implements AutoCloseable {

  /** What waiting for the next message gave. */
  sealed interface Next {}

  record Arrived(ServerSentEvents.Event event) implements Next {}

  /** Only a keep-alive, or nothing, within the wait. */
  record Quiet() implements Next {}

  /** The server ended the stream, or the connection broke. */
  record Ended() implements Next {}

  private static final Next ENDED = new Ended();

  private final InputStream body;
  private final BlockingQueue<Next> messages = new LinkedBlockingQueue<>();
  private volatile long lastHeardNanos = System.nanoTime();

  JournalStream(InputStream body) {
    this.body = body;
    Thread reader = new Thread(this::read, "journal-stream");
    reader.setDaemon(true);
    reader.start();
  }

  Next next(Duration wait) {
    try {
      Next next = messages.poll(Math.max(1, wait.toMillis()), TimeUnit.MILLISECONDS);
      return next == null ? new Quiet() : next;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailedException("interrupted", e);
    }
  }

  /** How long since the server last sent anything, keep-alives included. */
  Duration silence() {
    return Duration.ofNanos(System.nanoTime() - lastHeardNanos);
  }

  private void read() {
    try (ServerSentEvents events = new ServerSentEvents(body)) {
      ServerSentEvents.Message message;
      while ((message = events.next()) != null) {
        lastHeardNanos = System.nanoTime();
        if (message instanceof ServerSentEvents.Event event) {
          messages.add(new Arrived(event));
        }
      }
    } catch (IOException e) {
      // A broken connection ends the stream like a closed one: the follower reconnects.
    } finally {
      messages.add(ENDED);
    }
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
