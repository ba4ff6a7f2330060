package dev.switchboard.edge;

/** What the edge does with an effect record that came back to the stream. */
sealed interface EffectStep {

  /** Nothing: a duplicate, a late record, or one for an attempt given up. */
  record Ignore(String why) implements EffectStep {}

  /** Keep waiting, remembering what the record told. */
  record Update(PendingEffect pending) implements EffectStep {}

  /** Write a new intent: the previous attempt surely never ran, or running again is safe. */
  record Reissue(PendingEffect next) implements EffectStep {}

  /**
   * The effect is over: deliver the result to the processor.
   *
   * @param publish whether the edge must still write the handler's result events
   */
  record Resolve(EffectResult result, boolean publish) implements EffectStep {}
}
