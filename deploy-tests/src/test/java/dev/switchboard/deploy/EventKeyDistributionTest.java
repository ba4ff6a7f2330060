package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.EventKeys;
import dev.switchboard.contracts.Service;
import dev.switchboard.contracts.Topic;
import dev.switchboard.contracts.Topics;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The per-writer event-signing keys as `switchboard secrets init` makes them and deploy/ mounts
 * them: each writer's private key in a Secret of its own that only its pods mount, and every reader
 * trusting exactly the writers of the topics it reads ({@link ServiceAccess}, checked against the
 * processors by {@code ServiceAccessTest}) — on Kubernetes and in compose.
 */
class EventKeyDistributionTest {
  private static final String PRIVATE_KEY_VARIABLE =
      "SWITCHBOARD_SECURITY_EVENT_SIGNING_PRIVATE_KEY_FILE";
  private static final String TRUSTED_KEYS_VARIABLE =
      "SWITCHBOARD_SECURITY_EVENT_SIGNING_TRUSTED_KEYS_FILE";

  @Test
  void shouldPutEachWritersPrivateKeyAloneInItsOwnSecret() {
    Map<String, List<String>> secrets = generated("secretGenerator");
    Map<String, List<String>> eventKeySecrets = new LinkedHashMap<>();
    secrets.forEach(
        (name, files) -> {
          if (name.endsWith("-event-key")) {
            eventKeySecrets.put(name, files);
          }
        });

    assertThat(eventKeySecrets.keySet())
        .containsExactlyInAnyOrder(
            "switchboard-planner-event-key",
            "switchboard-guardrail-event-key",
            "switchboard-executor-event-key",
            "switchboard-handoff-event-key");
    eventKeySecrets.forEach(
        (name, files) -> {
          String writer = name.substring("switchboard-".length(), name.length() - 10);
          assertThat(files).containsExactly("private-key=event-keys/" + writer + ".key");
          assertThat(
                  EventKeys.readSigningKey(
                          GeneratedSecrets.dir().resolve("event-keys/" + writer + ".key"))
                      .keyId())
              .startsWith(writer + "-");
        });
    assertThat(secrets.values().stream().flatMap(List::stream))
        .filteredOn(file -> file.contains(".key"))
        .as("no other Secret holds a private key")
        .hasSize(4);
  }

  @Test
  void shouldLetEveryReaderTrustExactlyTheWritersOfTheTopicsItReads() {
    Map<String, List<String>> configMaps = generated("configMapGenerator");
    List<String> entries = configMaps.get("switchboard-trusted-keys");

    assertThat(entries)
        .containsExactlyInAnyOrder(
            "planner=event-keys/trusted/planner",
            "guardrail=event-keys/trusted/guardrail",
            "executor=event-keys/trusted/executor",
            "handoff=event-keys/trusted/handoff",
            "trace=event-keys/trusted/trace");
    for (ServiceAccess access : ServiceAccess.ALL) {
      assertThat(trustedIn("event-keys/trusted/" + access.shortName()))
          .as(access.shortName() + " trusts the writers of what it reads, and itself")
          .isEqualTo(writersOf(access.reads(), access.service()));
    }
  }

  @Test
  void shouldMountOnlyTheServicesOwnKeyAndItsTrustedKeysInEveryPod() {
    for (DeployedService service : DeployedService.values()) {
      Map<String, Object> deployment =
          deployment(Repository.read("deploy/k8s/base/services/" + service.name + ".yaml"));
      Map<String, Object> pod = map(map(map(deployment.get("spec")).get("template")).get("spec"));
      Map<String, Object> container = list(pod.get("containers")).get(0);
      Map<String, String> environment = new LinkedHashMap<>();
      for (Map<String, Object> variable : list(container.getOrDefault("env", List.of()))) {
        environment.put((String) variable.get("name"), String.valueOf(variable.get("value")));
      }
      Map<String, String> mounts = new LinkedHashMap<>();
      for (Map<String, Object> mount : list(container.getOrDefault("volumeMounts", List.of()))) {
        mounts.put((String) mount.get("name"), (String) mount.get("mountPath"));
      }
      List<String> eventKeySecrets = new ArrayList<>();
      List<Object> trustedItems = new ArrayList<>();
      for (Map<String, Object> volume : list(pod.get("volumes"))) {
        if (volume.containsKey("secret")) {
          String secret = (String) map(volume.get("secret")).get("secretName");
          if (secret.endsWith("-event-key")) {
            eventKeySecrets.add(secret);
            assertThat(environment.get(PRIVATE_KEY_VARIABLE))
                .isEqualTo(mounts.get(volume.get("name")) + "/private-key");
          }
        }
        if (volume.containsKey("configMap")
            && "switchboard-trusted-keys".equals(map(volume.get("configMap")).get("name"))) {
          trustedItems.addAll(list(map(volume.get("configMap")).get("items")));
          assertThat(environment.get(TRUSTED_KEYS_VARIABLE))
              .isEqualTo(mounts.get(volume.get("name")) + "/trusted-keys");
        }
      }
      boolean writer = service.service != null && service.service != Service.TRACE;
      assertThat(eventKeySecrets)
          .as(service.name + " mounts its own event key, no other")
          .isEqualTo(writer ? List.of("switchboard-" + service.name + "-event-key") : List.of());
      assertThat(trustedItems)
          .as(service.name + " mounts only its own entry of the trusted keys")
          .isEqualTo(
              service.service == null
                  ? List.of()
                  : List.of(Map.of("key", service.name, "path", "trusted-keys")));
      if (!writer) {
        assertThat(environment).doesNotContainKey(PRIVATE_KEY_VARIABLE);
      }
    }
  }

  @Test
  void shouldMountTheSameKeysInCompose() {
    Map<String, Object> compose = new Yaml().load(Repository.read("deploy/compose/compose.yaml"));
    Map<String, Object> services = map(compose.get("services"));
    Map<String, Object> secretFiles = map(compose.get("secrets"));
    Map<String, Object> configFiles = map(compose.get("configs"));
    for (DeployedService service : DeployedService.values()) {
      Map<String, Object> definition = map(services.get(service.name));
      Map<String, Object> environment = map(definition.getOrDefault("environment", Map.of()));
      List<String> keyFiles = new ArrayList<>();
      for (Map<String, Object> secret : list(definition.getOrDefault("secrets", List.of()))) {
        String file = (String) map(secretFiles.get(secret.get("source"))).get("file");
        if (file.endsWith(".key")) {
          keyFiles.add(file);
          assertThat(environment.get(PRIVATE_KEY_VARIABLE)).isEqualTo(secret.get("target"));
        }
      }
      List<String> trusted = new ArrayList<>();
      for (Map<String, Object> config : list(definition.getOrDefault("configs", List.of()))) {
        String file = (String) map(configFiles.get(config.get("source"))).get("file");
        if (file.contains("event-keys/trusted/")) {
          trusted.add(file);
          assertThat(environment.get(TRUSTED_KEYS_VARIABLE)).isEqualTo(config.get("target"));
        }
      }
      boolean writer = service.service != null && service.service != Service.TRACE;
      assertThat(keyFiles)
          .as(service.name)
          .isEqualTo(writer ? List.of("./secrets/event-keys/" + service.name + ".key") : List.of());
      assertThat(trusted)
          .as(service.name)
          .isEqualTo(
              service.service == null
                  ? List.of()
                  : List.of("./secrets/event-keys/trusted/" + service.name));
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** A writer reads back what it signed and checks its own key is trusted: it trusts itself. */
  private static Set<Service> writersOf(List<Topic<?>> topics, Service reader) {
    Set<Service> writers = EnumSet.noneOf(Service.class);
    topics.stream()
        .map(Topic::writer)
        .filter(writer -> writer != Service.GOAL_PRODUCERS)
        .forEach(writers::add);
    if (!Topics.writtenBy(reader).isEmpty()) {
      writers.add(reader);
    }
    return writers;
  }

  private static Set<Service> trustedIn(String relative) {
    return EventKeys.readTrustedKeys(GeneratedSecrets.dir().resolve(relative)).values().stream()
        .map(EventKeys.TrustedKey::service)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Service.class)));
  }

  /** A generator section of the generated kustomization: name → its {@code files} entries. */
  private static Map<String, List<String>> generated(String section) {
    Map<String, Object> kustomization =
        new Yaml().load(GeneratedSecrets.read("kustomization.yaml"));
    Map<String, List<String>> generators = new LinkedHashMap<>();
    for (Map<String, Object> generator : list(kustomization.get(section))) {
      @SuppressWarnings("unchecked")
      List<String> files = (List<String>) generator.get("files");
      generators.put((String) generator.get("name"), files);
    }
    return generators;
  }

  private static Map<String, Object> deployment(String yaml) {
    for (Object doc : new Yaml().loadAll(yaml)) {
      if (doc != null && "Deployment".equals(map(doc).get("kind"))) {
        return map(doc);
      }
    }
    throw new AssertionError("no Deployment");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }
}
