package dev.switchboard.trace;

/** Where a live stream of one goal goes: JSON events for the API, HTML for the console. */
interface GoalSink {

  /** The journal as it is now: once when the stream starts, then at each newer version. */
  void journal(Journal journal);

  /** An event of the owning instance's stream, when another instance holds the goal. */
  void relayed(SseMessage.Event event);

  /** Nothing changed for a heartbeat's time. */
  default void idle() {}
}
