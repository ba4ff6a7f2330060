package dev.switchboard.planner.spec;

/**
 * How an {@code llm} agent talks to its model.
 *
 * @param name the model id at the provider, e.g. {@code gpt-4o-mini}; null takes the configured
 *     default
 * @param temperature null takes the provider's default
 * @param maxOutputTokens most tokens one reply may have; null takes the provider's default
 */
public record ModelSettings(
    String name, PlanningMode mode, Double temperature, Integer maxOutputTokens) {

  public static final ModelSettings DEFAULTS =
      new ModelSettings(null, PlanningMode.PLAN_AND_EXECUTE, null, null);

  public ModelSettings {
    mode = mode == null ? PlanningMode.PLAN_AND_EXECUTE : mode;
  }

  /** How many calls the model proposes at a time. */
  public enum PlanningMode {
    /** One step, then the model sees its result before the next. */
    REACT,
    /**
     * Every call that does not need another's result at once; the model is asked again only when
     * results require it.
     */
    PLAN_AND_EXECUTE
  }
}
