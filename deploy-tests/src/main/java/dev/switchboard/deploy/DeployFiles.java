package dev.switchboard.deploy;

import dev.switchboard.contracts.TopicNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files under {@code deploy/} that are generated from the topic catalog, and a main that writes
 * them: {@code java -cp contracts/target/classes:deploy-tests/target/classes
 * dev.switchboard.deploy.DeployFiles [repository root]}.
 */
public final class DeployFiles {
  /** Partitions of the goal topics on Kubernetes: the ceiling of instances per service. */
  public static final int KUBERNETES_PARTITIONS = 12;

  /** Replicas on Kubernetes' production brokers (the local overlay patches them to 1). */
  public static final int KUBERNETES_REPLICAS = 3;

  /** Partitions in the compose stack: enough to try a second instance of a service. */
  public static final int COMPOSE_PARTITIONS = 6;

  private DeployFiles() {}

  /** Path (relative to the repository root) → content. */
  public static Map<Path, String> render() {
    KafkaResources kubernetes =
        new KafkaResources(TopicNames.unprefixed(), KUBERNETES_PARTITIONS, KUBERNETES_REPLICAS);
    KafkaResources compose = new KafkaResources(TopicNames.unprefixed(), COMPOSE_PARTITIONS, 1);
    Map<Path, String> files = new LinkedHashMap<>();
    files.put(Path.of("deploy/k8s/base/kafka/topics.yaml"), StrimziManifests.topics(kubernetes));
    files.put(Path.of("deploy/k8s/base/kafka/users.yaml"), StrimziManifests.users(kubernetes));
    files.put(Path.of("deploy/compose/create-topics.sh"), ComposeTopicScript.render(compose));
    return files;
  }

  public static void write(Path root) throws IOException {
    for (Map.Entry<Path, String> file : render().entrySet()) {
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
