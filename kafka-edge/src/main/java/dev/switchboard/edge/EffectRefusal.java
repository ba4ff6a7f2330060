package dev.switchboard.edge;

/**
 * An {@link EffectHandler}'s clean "no": the call was refused and nothing changed outside, so the
 * result is {@link EffectResult.Failed} and no retry is tried.
 */
public class EffectRefusal extends Exception {
  public EffectRefusal(String message) {
    super(message);
  }
}
