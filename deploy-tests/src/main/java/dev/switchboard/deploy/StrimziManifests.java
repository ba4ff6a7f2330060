package dev.switchboard.deploy;

import dev.switchboard.deploy.KafkaResources.Acl;
import dev.switchboard.deploy.KafkaResources.TopicSpec;
import dev.switchboard.deploy.KafkaResources.UserSpec;
import java.util.Locale;

/** Renders {@link KafkaResources} as Strimzi {@code KafkaTopic} and {@code KafkaUser} YAML. */
public final class StrimziManifests {
  /** The Strimzi {@code Kafka} cluster the resources belong to (its name in deploy/k8s). */
  public static final String CLUSTER = "switchboard";

  static final String HEADER =
      """
      # GENERATED from the topic catalog (contracts: Topics, Catalogs) by
      # deploy-tests/src/main/java/dev/switchboard/deploy/DeployFiles.java; do not edit.
      # Regenerate: ./mvnw -q -pl deploy-tests -am test -Dtest=GeneratedDeployFilesTest \\
      #   -Dsurefire.failIfNoSpecifiedTests=false -Dswitchboard.deploy.write=true
      """;

  private StrimziManifests() {}

  public static String topics(KafkaResources kafka) {
    StringBuilder yaml = new StringBuilder(HEADER);
    for (TopicSpec topic : kafka.topics()) {
      yaml.append("---\n")
          .append("apiVersion: kafka.strimzi.io/v1beta2\n")
          .append("kind: KafkaTopic\n")
          .append("metadata:\n")
          .append("  name: ")
          .append(kubernetesName(topic.name()))
          .append('\n')
          .append("  labels:\n")
          .append("    strimzi.io/cluster: ")
          .append(CLUSTER)
          .append('\n')
          .append("spec:\n")
          .append("  topicName: ")
          .append(topic.name())
          .append('\n')
          .append("  partitions: ")
          .append(topic.partitions())
          .append('\n')
          .append("  replicas: ")
          .append(kafka.replicas())
          .append('\n')
          .append("  config:\n")
          .append("    min.insync.replicas: ")
          .append(Math.max(1, kafka.replicas() - 1))
          .append('\n');
      if (topic.compacted()) {
        yaml.append("    cleanup.policy: compact\n");
      }
    }
    return yaml.toString();
  }

  public static String users(KafkaResources kafka) {
    StringBuilder yaml = new StringBuilder(HEADER);
    for (UserSpec user : kafka.users()) {
      yaml.append("---\n")
          .append("apiVersion: kafka.strimzi.io/v1beta2\n")
          .append("kind: KafkaUser\n")
          .append("metadata:\n")
          .append("  name: ")
          .append(kubernetesName(kafka.names().prefix() + user.name()))
          .append('\n')
          .append("  labels:\n")
          .append("    strimzi.io/cluster: ")
          .append(CLUSTER)
          .append('\n')
          .append("spec:\n")
          .append("  authentication:\n")
          .append("    type: scram-sha-512\n")
          .append("  authorization:\n")
          .append("    type: simple\n")
          .append("    acls:\n");
      for (Acl acl : user.acls()) {
        yaml.append("      - resource:\n").append("          type: ").append(acl.resourceType());
        if (!acl.resourceType().equals("cluster")) {
          yaml.append("\n          name: ")
              .append(acl.name())
              .append("\n          patternType: ")
              .append(acl.prefixed() ? "prefix" : "literal");
        }
        yaml.append("\n        operations: [")
            .append(String.join(", ", acl.operations()))
            .append("]\n        host: \"*\"\n");
      }
    }
    return yaml.toString();
  }

  /** Kubernetes names are lower-case DNS subdomains; topic names may hold '_' and capitals. */
  static String kubernetesName(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
  }
}
