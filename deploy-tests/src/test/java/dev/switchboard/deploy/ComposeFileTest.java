package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/compose/compose.yaml without a container engine: `docker compose config` where it works,
 * and always the file itself, parsed (anchors and merge keys resolved as compose does).
 */
class ComposeFileTest {
  private static final String FILE = "deploy/compose/compose.yaml";
  private static final Map<String, Object> COMPOSE = load();

  @Test
  void shouldBeAcceptedByDockerComposeWhereItRuns() throws Exception {
    if (!dockerComposeRuns()) {
      System.out.println("ComposeFileTest: no `docker compose` here; checked the parsed file only");
      return;
    }
    Path output = Files.createTempFile("compose-config", ".txt");
    Process config =
        new ProcessBuilder("docker", "compose", "-f", FILE, "config", "--quiet")
            .directory(Repository.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    boolean finished = config.waitFor(60, TimeUnit.SECONDS);
    if (!finished) {
      config.destroyForcibly();
    }
    assertThat(finished).as("docker compose config finished").isTrue();
    assertThat(config.exitValue()).as(Files.readString(output, StandardCharsets.UTF_8)).isZero();
  }

  @Test
  void shouldRunKafkaJaegerTopicInitTheServicesAndTheToolServer() {
    List<String> expected = new ArrayList<>(List.of("kafka", "topic-init", "jaeger"));
    for (DeployedService service : DeployedService.values()) {
      expected.add(service.name);
    }
    assertThat(services().keySet()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(image("kafka")).startsWith("apache/kafka:");
    assertThat(image("topic-init")).isEqualTo(image("kafka"));
    assertThat(image("jaeger")).startsWith("jaegertracing/jaeger:2.");
    assertThat(ports("jaeger")).contains("16686:16686");
    assertThat(ports("kafka")).contains("9092:9092");
    for (DeployedService service : DeployedService.values()) {
      // The image Jib builds for that module (profile images).
      assertThat(image(service.name))
          .isEqualTo(
              "switchboard/" + service.artifactId() + ":${SWITCHBOARD_VERSION:-0.1.0-SNAPSHOT}");
      assertThat(ports(service.name)).containsExactly(service.port + ":" + service.port);
      assertThat(service.applicationSettings())
          .extractingByKey("server")
          .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
          .containsEntry("port", service.port);
    }
  }

  @Test
  void shouldCheckEveryServiceIsReadyOnItsActuatorReadinessGroup() {
    assertThat(healthcheck("kafka")).contains("kafka-broker-api-versions.sh");
    for (DeployedService service : DeployedService.values()) {
      assertThat(healthcheck(service.name))
          .as(service.name)
          .contains("/dev/tcp/127.0.0.1/" + service.port + ";")
          .contains("GET /actuator/health/readiness ")
          .contains("grep -q \" 200 \"");
    }
  }

  @Test
  void shouldStartEachServiceOnlyOnceWhatItNeedsIsThere() {
    assertThat(dependsOn("topic-init")).containsExactly(Map.entry("kafka", "service_healthy"));
    for (DeployedService service : DeployedService.values()) {
      if (service == DeployedService.SALES_TOOLS) {
        assertThat(service(service.name)).doesNotContainKey("depends_on");
        continue;
      }
      assertThat(dependsOn(service.name))
          .as(service.name)
          .containsEntry("topic-init", "service_completed_successfully")
          .containsEntry("jaeger", "service_started");
    }
    assertThat(dependsOn("executor")).containsEntry("sales-tools", "service_healthy");
    // Whatever a service waits for with service_healthy has a health check.
    services()
        .keySet()
        .forEach(
            name ->
                dependsOn(name)
                    .forEach(
                        (dependency, condition) -> {
                          if (condition.equals("service_healthy")) {
                            assertThat(service(dependency)).containsKey("healthcheck");
                          }
                        }));
  }

  @Test
  void shouldSetOnlyVariablesThatAreConfigurationPropertiesOfTheService() {
    List<String> unknown = new ArrayList<>();
    for (DeployedService service : DeployedService.values()) {
      Map<String, String> environment = environment(service.name);
      List<String> toolFileVariables = toolFileVariables(service.name, environment);
      environment.keySet().stream()
          .filter(variable -> !service.accepts(variable) && !toolFileVariables.contains(variable))
          .forEach(variable -> unknown.add(service.name + ": " + variable));
    }
    assertThat(unknown)
        .as("variables that bind to no property of their service (misspelled?)")
        .isEmpty();
  }

  @Test
  void shouldTakeSecretsFromFilesNamedAfterRealProperties() {
    for (DeployedService service : DeployedService.values()) {
      environment(service.name)
          .forEach(
              (variable, value) ->
                  assertThat(variable)
                      .as("a secret as a literal in " + FILE)
                      .doesNotContainPattern("TOKEN|PASSWORD|SIGNING_KEY|SECRET$|_HASH"));
      for (Map<String, Object> secret : secrets(service.name)) {
        String target = (String) secret.get("target");
        boolean configTreeFile = !target.endsWith(".properties") && target.contains(".");
        if (configTreeFile) {
          assertThat(service.properties().bindsProperty(target))
              .as(service.name + " secret " + target + " names a property")
              .isTrue();
          assertThat(environment(service.name))
              .containsEntry("SPRING_CONFIG_IMPORT", "optional:configtree:/run/secrets/");
        }
      }
    }
    // Besides its own event key (EventKeyDistributionTest), mounted where its *_FILE names it.
    String eventKey = "/etc/switchboard/event-key/private-key";
    assertThat(secretTargets("guardrail"))
        .containsExactlyInAnyOrder("switchboard.security.action-signing-key", eventKey);
    assertThat(secretTargets("executor"))
        .containsExactlyInAnyOrder(
            "switchboard.security.action-signing-key", "sales-tools-token", eventKey);
    assertThat(secretTargets("handoff"))
        .containsExactlyInAnyOrder(
            "switchboard.handoff.operator-token", "handoff.properties", eventKey);
    assertThat(secretTargets("planner")).containsExactly(eventKey);
    assertThat(secretTargets("trace"))
        .containsExactlyInAnyOrder(
            "switchboard.trace.operator-token", "switchboard.trace.peer-token", "trace.properties");
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> files =
        (Map<String, Map<String, Object>>) COMPOSE.get("secrets");
    files.values().forEach(file -> assertThat((String) file.get("file")).startsWith("./secrets/"));
    assertThat(Repository.read("deploy/compose/.gitignore")).contains("secrets/");
  }

  @Test
  void shouldExportTracesToJaegerAndLinkTheConsoleToIt() {
    for (DeployedService service : DeployedService.values()) {
      if (service == DeployedService.SALES_TOOLS) {
        continue;
      }
      Map<String, String> environment = environment(service.name);
      assertThat(environment)
          .containsEntry("OTEL_EXPORTER_OTLP_ENDPOINT", "http://jaeger:4318")
          .containsEntry("OTEL_SERVICE_NAME", service.artifactId())
          .containsEntry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "kafka:19092");
      // All co-partitioned, and as many partitions as the topic script creates.
      assertThat(environment)
          .containsEntry(
              "SWITCHBOARD_KAFKA_PARTITIONS", String.valueOf(DeployFiles.COMPOSE_PARTITIONS));
    }
    assertThat(environment("topic-init"))
        .containsEntry(
            "SWITCHBOARD_KAFKA_PARTITIONS", String.valueOf(DeployFiles.COMPOSE_PARTITIONS));
    assertThat(environment("trace"))
        .containsEntry("SWITCHBOARD_TRACE_JAEGER_URL", "http://localhost:16686");
  }

  @Test
  void shouldMountFilesThatExist() {
    for (String name : services().keySet()) {
      for (String volume : volumes(name)) {
        Path host = Repository.root().resolve("deploy/compose").resolve(volume.split(":")[0]);
        assertThat(host).as(name + " mounts " + volume).exists();
      }
    }
  }

  // ---------------------------------------------------------------------------------------------

  /** Variables a mounted executor tool file reads as ${env:NAME}: no Spring property, yet used. */
  private static List<String> toolFileVariables(String name, Map<String, String> environment) {
    String toolFile = environment.get("SWITCHBOARD_EXECUTOR_TOOLS_FILE");
    List<String> variables = new ArrayList<>();
    if (toolFile == null) {
      return variables;
    }
    for (String volume : volumes(name)) {
      String[] parts = volume.split(":");
      if (parts[1].equals(toolFile)) {
        Matcher matcher =
            Pattern.compile("\\$\\{env:([A-Z0-9_]+)}").matcher(readHostFile(parts[0]));
        while (matcher.find()) {
          variables.add(matcher.group(1));
        }
      }
    }
    assertThat(variables).as("the tool file " + toolFile + " is mounted").isNotEmpty();
    return variables;
  }

  private static String readHostFile(String relative) {
    try {
      return Files.readString(Repository.root().resolve("deploy/compose").resolve(relative));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static boolean dockerComposeRuns() {
    try {
      Process version =
          new ProcessBuilder("docker", "compose", "version")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!version.waitFor(30, TimeUnit.SECONDS)) {
        version.destroyForcibly();
        return false;
      }
      return version.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> load() {
    return (Map<String, Object>) new Yaml().load(Repository.read(FILE));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> services() {
    return (Map<String, Object>) COMPOSE.get("services");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> service(String name) {
    Map<String, Object> service = (Map<String, Object>) services().get(name);
    assertThat(service).as("service " + name).isNotNull();
    return service;
  }

  private static String image(String name) {
    return (String) service(name).get("image");
  }

  @SuppressWarnings("unchecked")
  private static List<String> ports(String name) {
    return (List<String>) service(name).getOrDefault("ports", List.of());
  }

  @SuppressWarnings("unchecked")
  private static List<String> volumes(String name) {
    return (List<String>) service(name).getOrDefault("volumes", List.of());
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> secrets(String name) {
    return (List<Map<String, Object>>) service(name).getOrDefault("secrets", List.of());
  }

  private static List<String> secretTargets(String name) {
    return secrets(name).stream().map(secret -> (String) secret.get("target")).toList();
  }

  @SuppressWarnings("unchecked")
  private static String healthcheck(String name) {
    Map<String, Object> healthcheck = (Map<String, Object>) service(name).get("healthcheck");
    assertThat(healthcheck).as(name + " healthcheck").isNotNull();
    return String.join(" ", (List<String>) healthcheck.get("test"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> dependsOn(String name) {
    Map<String, String> conditions = new LinkedHashMap<>();
    Object dependsOn = service(name).get("depends_on");
    if (dependsOn instanceof Map<?, ?> map) {
      ((Map<String, Map<String, String>>) map)
          .forEach((dependency, spec) -> conditions.put(dependency, spec.get("condition")));
    }
    return conditions;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> environment(String name) {
    Map<String, String> environment = new LinkedHashMap<>();
    Object declared = service(name).get("environment");
    if (declared instanceof Map<?, ?> map) {
      ((Map<String, Object>) map)
          .forEach((key, value) -> environment.put(key, String.valueOf(value)));
    }
    assertThat(declared == null || declared instanceof Map)
        .as(name + " environment as a map")
        .isTrue();
    return environment;
  }
}
