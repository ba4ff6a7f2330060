package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.contracts.TopicNames;
import dev.switchboard.deploy.KafkaResources.Acl;
import dev.switchboard.deploy.KafkaResources.UserSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * deploy/k8s offline: the overlays rendered by `kubectl kustomize` (skipped, saying so, where
 * kubectl is missing) and the base's own files parsed either way. Kinds, names, ports, probes,
 * non-root pods, per-service Secrets, every variable a real property, ACLs exactly the catalog's.
 */
class KubernetesManifestsTest {
  private static final String BASE = "deploy/k8s/base";
  private static final KafkaResources KAFKA =
      new KafkaResources(
          TopicNames.unprefixed(),
          DeployFiles.KUBERNETES_PARTITIONS,
          DeployFiles.KUBERNETES_REPLICAS);

  /** Set from the pod's own IP and used in another variable's value; binds nothing itself. */
  private static final Set<String> HELPER_VARIABLES = Set.of("POD_IP");

  @Test
  void shouldDescribeEveryServiceInTheBaseFiles() {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object resource :
        (List<?>) loadOne(Repository.read(BASE + "/kustomization.yaml")).get("resources")) {
      docs.addAll(loadAll(Repository.read(BASE + "/" + resource)));
    }
    checkServices(docs);
    checkKafka(docs);
    assertThat(names(docs, "HorizontalPodAutoscaler")).hasSize(5);
    assertThat(names(docs, "PodDisruptionBudget")).hasSize(5);
  }

  @Test
  void shouldRenderTheLocalOverlay() {
    List<Map<String, Object>> docs = render("deploy/k8s/overlays/local");
    checkServices(docs);
    checkKafka(docs);
    assertThat(names(docs, "HorizontalPodAutoscaler")).isEmpty();
    assertThat(names(docs, "Deployment")).contains("jaeger");
    for (DeployedService service : DeployedService.values()) {
      assertThat(spec(resource(docs, "Deployment", service.name))).containsEntry("replicas", 1);
    }
    assertThat(resources(docs, "KafkaTopic"))
        .allSatisfy(topic -> assertThat(spec(topic)).containsEntry("replicas", 1));
    assertThat(namespaces(docs)).containsExactly("switchboard-local");
  }

  @Test
  void shouldRenderTheProductionOverlayWithTlsOidcAndAutoscaling() {
    List<Map<String, Object>> docs = render("deploy/k8s/overlays/production");
    checkServices(docs);
    checkKafka(docs);
    assertThat(namespaces(docs)).containsExactly("switchboard");
    Map<String, String> common = configMap(docs, "switchboard-common");
    assertThat(common)
        .containsEntry("SPRING_KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
        .containsEntry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "SCRAM-SHA-512")
        .containsEntry("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION", "file:/etc/kafka-ca/ca.crt")
        .containsKey("OTEL_EXPORTER_OTLP_ENDPOINT");
    List<Map<String, Object>> listeners =
        list(map(spec(resource(docs, "Kafka", "switchboard")).get("kafka")).get("listeners"));
    assertThat(listeners)
        .isNotEmpty()
        .allSatisfy(
            listener ->
                assertThat(listener)
                    .containsEntry("tls", true)
                    .containsEntry("authentication", Map.of("type", "scram-sha-512")));
    assertThat(common.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
        .endsWith(":" + listeners.get(0).get("port"));
    assertThat(environment(resource(docs, "Deployment", "handoff")))
        .containsKeys(
            "SPRING_SECURITY_OAUTH2_CLIENT_PROVIDER_CORP_ISSUER_URI",
            "SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI");
    for (DeployedService service : goalServices()) {
      Map<String, Object> hpa = spec(resource(docs, "HorizontalPodAutoscaler", service.name));
      // The partition count is the ceiling: one more instance would get no partition.
      assertThat(hpa.get("maxReplicas"))
          .isEqualTo(Integer.parseInt(common.get("SWITCHBOARD_KAFKA_PARTITIONS")));
      assertThat(spec(resource(docs, "PodDisruptionBudget", service.name)))
          .containsEntry("minAvailable", 1);
      assertThat(secretVolumes(resource(docs, "Deployment", service.name)))
          .contains("switchboard-cluster-ca-cert");
    }
    assertThat(spec(resource(docs, "Ingress", "switchboard"))).containsKey("tls");
  }

  @Test
  void shouldScaleOnConsumerLagUpToThePartitionsWithTheKedaComponent() {
    List<Map<String, Object>> docs = render("deploy/k8s/overlays/production-keda");
    checkServices(docs);
    checkKafka(docs);

    assertThat(names(docs, "HorizontalPodAutoscaler")).as("KEDA makes its own").isEmpty();
    assertThat(namespaces(docs)).containsExactly("switchboard");
    for (DeployedService service : goalServices()) {
      Map<String, Object> scaled = spec(resource(docs, "ScaledObject", service.name));
      assertThat(map(scaled.get("scaleTargetRef"))).containsEntry("name", service.name);
      assertThat(scaled)
          .containsEntry("maxReplicaCount", DeployFiles.KUBERNETES_PARTITIONS)
          .containsEntry("minReplicaCount", 2);
      Map<String, Object> trigger = list(scaled.get("triggers")).get(0);
      assertThat(trigger).containsEntry("type", "kafka");
      assertThat(map(trigger.get("metadata")))
          .containsEntry(
              "consumerGroup",
              ServiceAccess.of(service.service).applicationId(TopicNames.unprefixed()))
          .containsEntry("sasl", "scram_sha512")
          .containsEntry("tls", "enable");
      String authentication = (String) map(trigger.get("authenticationRef")).get("name");
      Map<String, String> secrets = new LinkedHashMap<>();
      for (Map<String, Object> ref :
          list(
              spec(resource(docs, "TriggerAuthentication", authentication))
                  .get("secretTargetRef"))) {
        secrets.put((String) ref.get("parameter"), ref.get("name") + "/" + ref.get("key"));
      }
      String user = KafkaResources.userName(service.service);
      assertThat(secrets)
          .as("the service's own KafkaUser")
          .containsEntry("password", user + "/password")
          .containsEntry("ca", "switchboard-cluster-ca-cert/ca.crt");
      String usernameSecret = secrets.get("username").split("/")[0];
      assertThat(
              new String(
                  java.util.Base64.getDecoder()
                      .decode(
                          (String)
                              map(resource(docs, "Secret", usernameSecret).get("data"))
                                  .get("username")),
                  StandardCharsets.UTF_8))
          .isEqualTo(user);
    }
  }

  @Test
  void shouldCreateOnlySecretKeysThatAreTheServicesProperties() {
    Map<String, Object> kustomization = loadOne(GeneratedSecrets.read("kustomization.yaml"));
    assertThat(kustomization).containsEntry("namespace", "switchboard-local");
    List<String> seen = new ArrayList<>();
    for (Map<String, Object> generator : list(kustomization.get("secretGenerator"))) {
      Matcher secret =
          Pattern.compile("switchboard-([a-z-]+)-secrets").matcher((String) generator.get("name"));
      if (!secret.matches()) {
        continue; // the event keys: EventKeyDistributionTest
      }
      DeployedService service = DeployedService.named(secret.group(1));
      seen.add(service.name);
      @SuppressWarnings("unchecked")
      List<String> files = (List<String>) generator.get("files");
      for (String file : files) {
        String name = file.substring(0, file.indexOf('='));
        boolean fileForAnotherReader =
            name.equals("handoff.properties")
                || name.equals("trace.properties")
                || name.equals("sales-tools-token");
        assertThat(fileForAnotherReader || service.properties().bindsProperty(name))
            .as(service.name + " secret key " + name + " names one of its properties")
            .isTrue();
        assertThat(GeneratedSecrets.dir().resolve(file.substring(file.indexOf('=') + 1)))
            .isNotEmptyFile();
      }
    }
    assertThat(seen)
        .containsExactlyInAnyOrder("guardrail", "executor", "handoff", "trace", "sales-tools");
  }

  @Test
  void shouldRenderTheSecretsSwitchboardSecretsInitMakes() {
    List<Map<String, Object>> docs = render(GeneratedSecrets.dir().toString());

    assertThat(names(docs, "Secret"))
        .containsExactlyInAnyOrder(
            "switchboard-guardrail-secrets",
            "switchboard-executor-secrets",
            "switchboard-handoff-secrets",
            "switchboard-trace-secrets",
            "switchboard-sales-tools-secrets",
            "switchboard-planner-event-key",
            "switchboard-guardrail-event-key",
            "switchboard-executor-event-key",
            "switchboard-handoff-event-key");
    for (Map<String, Object> secret : resources(docs, "Secret")) {
      if (((String) metadata(secret).get("name")).endsWith("-event-key")) {
        assertThat(map(secret.get("data"))).containsOnlyKeys("private-key");
      }
    }
    assertThat(configMap(docs, "switchboard-trusted-keys"))
        .containsOnlyKeys("planner", "guardrail", "executor", "handoff", "trace");
    assertThat(namespaces(docs)).containsExactly("switchboard-local");
  }

  // ---------------------------------------------------------------------------------------------

  private static void checkServices(List<Map<String, Object>> docs) {
    List<String> unknown = new ArrayList<>();
    for (DeployedService service : DeployedService.values()) {
      Map<String, Object> deployment = resource(docs, "Deployment", service.name);
      Map<String, Object> pod = map(map(spec(deployment).get("template")).get("spec"));
      assertThat(map(pod.get("securityContext")))
          .as(service.name)
          .containsEntry("runAsNonRoot", true)
          .containsEntry("runAsUser", 1000);
      Map<String, Object> container = list(pod.get("containers")).get(0);
      assertThat((String) container.get("image"))
          .startsWith("switchboard/" + service.artifactId() + ":");
      assertThat(list(container.get("ports")))
          .containsExactly(Map.of("name", "http", "containerPort", service.port));
      assertThat(probe(container, "readinessProbe")).isEqualTo("/actuator/health/readiness@http");
      assertThat(probe(container, "livenessProbe")).isEqualTo("/actuator/health/liveness@http");
      Map<String, Object> resources = map(container.get("resources"));
      assertThat(map(resources.get("requests"))).containsKeys("cpu", "memory");
      assertThat(map(resources.get("limits"))).containsKey("memory");
      Map<String, Object> kubeService = spec(resource(docs, "Service", service.name));
      assertThat(list(kubeService.get("ports")))
          .containsExactly(Map.of("name", "http", "port", service.port, "targetPort", "http"));

      Map<String, String> environment = new LinkedHashMap<>();
      for (Map<String, Object> from : list(container.getOrDefault("envFrom", List.of()))) {
        String name = (String) map(from.get("configMapRef")).get("name");
        environment.putAll(configMap(docs, name));
      }
      environment.putAll(environment(deployment));
      List<String> toolFileVariables =
          service == DeployedService.EXECUTOR ? toolFileVariables() : List.of();
      environment.keySet().stream()
          .filter(
              variable ->
                  !service.accepts(variable)
                      && !HELPER_VARIABLES.contains(variable)
                      && !toolFileVariables.contains(variable))
          .forEach(variable -> unknown.add(service.name + ": " + variable));
      if (service.service != null) {
        assertThat(environment).containsEntry("OTEL_SERVICE_NAME", service.artifactId());
        // Only this service's own Kafka credentials and Secret.
        assertThat(secretKeyRefs(deployment))
            .containsOnly(KafkaResources.userName(service.service));
      }
      assertThat(secretVolumes(deployment))
          .allMatch(
              name ->
                  name.equals("switchboard-" + service.name + "-secrets")
                      || name.equals("switchboard-" + service.name + "-event-key")
                      || name.equals("switchboard-cluster-ca-cert"),
              service.name + " mounts only its own Secrets");
    }
    assertThat(unknown).as("variables that bind to no property of their service").isEmpty();
    Map<String, Object> ingress = spec(resource(docs, "Ingress", "switchboard"));
    List<String> backends = new ArrayList<>();
    for (Map<String, Object> rule : list(ingress.get("rules"))) {
      for (Map<String, Object> path : list(map(rule.get("http")).get("paths"))) {
        backends.add((String) map(map(path.get("backend")).get("service")).get("name"));
      }
    }
    assertThat(backends).containsExactly("handoff", "trace");
    assertThat(names(docs, "NetworkPolicy")).contains("switchboard-default-deny");
  }

  private static void checkKafka(List<Map<String, Object>> docs) {
    assertThat(names(docs, "KafkaTopic")).hasSize(KAFKA.topics().size());
    assertThat(names(docs, "Kafka")).containsExactly(StrimziManifests.CLUSTER);
    String partitions =
        configMapOrEmpty(docs, "switchboard-common").get("SWITCHBOARD_KAFKA_PARTITIONS");
    if (partitions != null) {
      assertThat(spec(resource(docs, "KafkaTopic", "goals")))
          .containsEntry("partitions", Integer.parseInt(partitions));
    }
    assertThat(names(docs, "KafkaUser"))
        .containsExactlyInAnyOrderElementsOf(KAFKA.users().stream().map(UserSpec::name).toList());
    for (UserSpec user : KAFKA.users()) {
      Map<String, Object> authorization =
          map(spec(resource(docs, "KafkaUser", user.name())).get("authorization"));
      List<Acl> rendered = new ArrayList<>();
      for (Map<String, Object> acl : list(authorization.get("acls"))) {
        Map<String, Object> resource = map(acl.get("resource"));
        String type = (String) resource.get("type");
        @SuppressWarnings("unchecked")
        List<String> operations = (List<String>) acl.get("operations");
        rendered.add(
            new Acl(
                type,
                type.equals("cluster") ? "kafka-cluster" : (String) resource.get("name"),
                "prefix".equals(resource.get("patternType")),
                operations));
      }
      assertThat(rendered)
          .as(user.name() + " ACLs")
          .containsExactlyInAnyOrderElementsOf(user.acls());
    }
  }

  private static List<String> toolFileVariables() {
    Matcher matcher =
        Pattern.compile("\\$\\{env:([A-Z0-9_]+)}")
            .matcher(Repository.read(BASE + "/files/tools/switchboard-tools.yml"));
    List<String> variables = new ArrayList<>();
    while (matcher.find()) {
      variables.add(matcher.group(1));
    }
    return variables;
  }

  private static List<Map<String, Object>> render(String overlay) {
    String output;
    try {
      Process kubectl =
          new ProcessBuilder("kubectl", "kustomize", overlay)
              .directory(Repository.root().toFile())
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      output = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(kubectl.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(kubectl.exitValue()).as("kubectl kustomize " + overlay).isZero();
    } catch (IOException e) {
      System.out.println(
          "KubernetesManifestsTest: no kubectl here ("
              + e.getMessage()
              + "); "
              + overlay
              + " not rendered");
      assumeTrue(
          false,
          "kubectl is not installed: "
              + overlay
              + " not rendered (the base files are still checked)");
      return List.of();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return loadAll(output);
  }

  private static String probe(Map<String, Object> container, String kind) {
    Map<String, Object> get = map(map(container.get(kind)).get("httpGet"));
    return get.get("path") + "@" + get.get("port");
  }

  private static Map<String, String> environment(Map<String, Object> deployment) {
    Map<String, Object> container =
        list(map(map(spec(deployment).get("template")).get("spec")).get("containers")).get(0);
    Map<String, String> environment = new LinkedHashMap<>();
    for (Map<String, Object> variable : list(container.getOrDefault("env", List.of()))) {
      environment.put((String) variable.get("name"), String.valueOf(variable.get("value")));
    }
    return environment;
  }

  private static List<String> secretKeyRefs(Map<String, Object> deployment) {
    Map<String, Object> container =
        list(map(map(spec(deployment).get("template")).get("spec")).get("containers")).get(0);
    List<String> names = new ArrayList<>();
    for (Map<String, Object> variable : list(container.getOrDefault("env", List.of()))) {
      Object from = variable.get("valueFrom");
      if (from != null && map(from).containsKey("secretKeyRef")) {
        names.add((String) map(map(from).get("secretKeyRef")).get("name"));
      }
    }
    return names;
  }

  private static List<String> secretVolumes(Map<String, Object> deployment) {
    List<String> names = new ArrayList<>();
    for (Map<String, Object> volume :
        list(
            map(map(spec(deployment).get("template")).get("spec"))
                .getOrDefault("volumes", List.of()))) {
      if (volume.containsKey("secret")) {
        names.add((String) map(volume.get("secret")).get("secretName"));
      }
    }
    return names;
  }

  private static Map<String, String> configMap(List<Map<String, Object>> docs, String name) {
    Map<String, String> data = configMapOrEmpty(docs, name);
    assertThat(data).as("ConfigMap " + name).isNotEmpty();
    return data;
  }

  private static Map<String, String> configMapOrEmpty(List<Map<String, Object>> docs, String name) {
    Map<String, String> data = new LinkedHashMap<>();
    resources(docs, "ConfigMap").stream()
        .filter(doc -> metadata(doc).get("name").equals(name))
        .forEach(
            doc ->
                map(doc.get("data")).forEach((key, value) -> data.put(key, String.valueOf(value))));
    return data;
  }

  private static List<DeployedService> goalServices() {
    return java.util.Arrays.stream(DeployedService.values())
        .filter(s -> s.service != null)
        .toList();
  }

  private static List<String> namespaces(List<Map<String, Object>> docs) {
    return docs.stream().map(doc -> (String) metadata(doc).get("namespace")).distinct().toList();
  }

  private static List<Map<String, Object>> resources(List<Map<String, Object>> docs, String kind) {
    return docs.stream().filter(doc -> kind.equals(doc.get("kind"))).toList();
  }

  private static List<String> names(List<Map<String, Object>> docs, String kind) {
    return resources(docs, kind).stream().map(doc -> (String) metadata(doc).get("name")).toList();
  }

  private static Map<String, Object> resource(
      List<Map<String, Object>> docs, String kind, String name) {
    return resources(docs, kind).stream()
        .filter(doc -> name.equals(metadata(doc).get("name")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + kind + " " + name));
  }

  private static Map<String, Object> metadata(Map<String, Object> doc) {
    return map(doc.get("metadata"));
  }

  private static Map<String, Object> spec(Map<String, Object> doc) {
    return map(doc.get("spec"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Object value) {
    return value == null ? List.of() : (List<Map<String, Object>>) value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> loadOne(String yaml) {
    return (Map<String, Object>) new Yaml().load(yaml);
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> loadAll(String yaml) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : new Yaml().loadAll(yaml)) {
      if (doc != null) {
        docs.add((Map<String, Object>) doc);
      }
    }
    return docs;
  }
}
