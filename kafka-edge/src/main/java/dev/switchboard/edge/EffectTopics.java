package dev.switchboard.edge;

/**
 * A service's internal effect topics, named after its Kafka Streams application id, outside the
 * public catalog: {@code <appId>-effects} (intents) and {@code <appId>-effect-results} (started
 * markers, results and due timers, an input of the service's own topology).
 */
record EffectTopics(String intents, String results) {
  static EffectTopics of(String applicationId) {
    return new EffectTopics(applicationId + "-effects", applicationId + "-effect-results");
  }
}
