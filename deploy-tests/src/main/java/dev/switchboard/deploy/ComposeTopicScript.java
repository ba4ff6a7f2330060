package dev.switchboard.deploy;

import dev.switchboard.deploy.KafkaResources.TopicSpec;

/** Renders {@link KafkaResources#topics()} as the compose stack's topic-init script. */
public final class ComposeTopicScript {
  private ComposeTopicScript() {}

  public static String render(KafkaResources kafka) {
    StringBuilder script =
        new StringBuilder("#!/usr/bin/env bash\n")
            .append(StrimziManifests.HEADER)
            .append(
                """
                # Creates every catalog topic before the services start (they would create them too,
                # but with the partitions set here the stack can scale out from the first goal).
                set -euo pipefail
                BOOTSTRAP="${BOOTSTRAP:-kafka:19092}"
                PARTITIONS="${SWITCHBOARD_KAFKA_PARTITIONS:-%d}"
                REPLICAS="${SWITCHBOARD_KAFKA_REPLICATION_FACTOR:-%d}"
                TOPICS=/opt/kafka/bin/kafka-topics.sh
                create() {
                  "$TOPICS" --bootstrap-server "$BOOTSTRAP" --create --if-not-exists \\
                    --topic "$1" --partitions "$2" --replication-factor "$REPLICAS" "${@:3}"
                }
                """
                    .formatted(kafka.partitions(), kafka.replicas()));
    for (TopicSpec topic : kafka.topics()) {
      script
          .append("create ")
          .append(topic.name())
          .append(' ')
          .append(topic.compacted() ? "1 --config cleanup.policy=compact" : "\"$PARTITIONS\"")
          .append('\n');
    }
    script.append("\"$TOPICS\" --bootstrap-server \"$BOOTSTRAP\" --list\n");
    return script.toString();
  }
}
