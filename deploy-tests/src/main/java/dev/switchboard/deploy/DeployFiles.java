package dev.switchboard.deploy;

import dev.switchboard.contracts.TopicNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files under {@code deploy/} that are generated from the topic catalog (Strimzi topics and
 * users, the compose topic script) or copied from the repository (the Kubernetes ConfigMaps'
 * agents, policy and tool file), and a main that writes them: {@code java -cp
 * contracts/target/classes:deploy-tests/target/classes dev.switchboard.deploy.DeployFiles
 * [repository root]}.
 */
public final class DeployFiles {
  /** Partitions of the goal topics on Kubernetes: the ceiling of instances per service. */
  public static final int KUBERNETES_PARTITIONS = 12;

  /** Replicas on Kubernetes' production brokers (the local overlay patches them to 1). */
  public static final int KUBERNETES_REPLICAS = 3;

  /** Partitions in the compose stack: enough to try a second instance of a service. */
  public static final int COMPOSE_PARTITIONS = 6;

  private DeployFiles() {}

  /**
   * Repository files the Kubernetes base carries as ConfigMaps (kustomize reads only files under
   * its own directory): source → copy.
   */
  static final Map<String, String> COPIES =
      Map.of(
          "examples/sales/agents/demo.yaml", "deploy/k8s/base/files/agents/demo.yaml",
          "examples/sales/agents/researcher.yaml", "deploy/k8s/base/files/agents/researcher.yaml",
          "examples/sales/agents/sdr.yaml", "deploy/k8s/base/files/agents/sdr.yaml",
          "examples/sales/agents/writer.yaml", "deploy/k8s/base/files/agents/writer.yaml",
          "guardrail-service/src/main/resources/policies/default-policy.yaml",
              "deploy/k8s/base/files/policies/default-policy.yaml",
          "examples/sales-tools/switchboard-tools.yml",
              "deploy/k8s/base/files/tools/switchboard-tools.yml");

  /** Path (relative to the repository root) → content. */
  public static Map<Path, String> render(Path root) throws IOException {
    KafkaResources kubernetes =
        new KafkaResources(TopicNames.unprefixed(), KUBERNETES_PARTITIONS, KUBERNETES_REPLICAS);
    KafkaResources compose = new KafkaResources(TopicNames.unprefixed(), COMPOSE_PARTITIONS, 1);
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(Path.of("deploy/k8s/base/kafka/topics.yaml"), StrimziManifests.topics(kubernetes));
    files.put(Path.of("deploy/k8s/base/kafka/users.yaml"), StrimziManifests.users(kubernetes));
    files.put(Path.of("deploy/compose/create-topics.sh"), ComposeTopicScript.render(compose));
    for (Map.Entry<String, String> copy : new java.util.TreeMap<>(COPIES).entrySet()) {
      files.put(Path.of(copy.getValue()), Files.readString(root.resolve(copy.getKey())));
    }
    return files;
  }

  public static void write(Path root) throws IOException {
    for (Map.Entry<Path, String> file : render(root).entrySet()) {
      Path target = root.resolve(file.getKey());
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue());
      System.out.println("wrote " + file.getKey());
    }
  }

  public static void main(String[] args) throws IOException {
    write(Path.of(args.length > 0 ? args[0] : "."));
  }
}
