package dev.switchboard.deploy;

import dev.switchboard.contracts.Service;
import dev.switchboard.websecurity.WebSecuritySettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.Yaml;

/** The services a deployment runs, each with its module, port and configuration properties. */
enum DeployedService {
  PLANNER("planner", "planner-service", 8081, Service.PLANNER, "dev.switchboard.planner"),
  GUARDRAIL("guardrail", "guardrail-service", 8082, Service.GUARDRAIL, "dev.switchboard.guardrail"),
  EXECUTOR("executor", "executor-service", 8083, Service.EXECUTOR, "dev.switchboard.executor"),
  HANDOFF("handoff", "handoff-service", 8084, Service.HANDOFF, "dev.switchboard.handoff"),
  TRACE("trace", "trace-service", 8085, Service.TRACE, "dev.switchboard.trace"),
  SALES_TOOLS("sales-tools", "examples/sales-tools", 8086, null, "dev.switchboard.examples.sales");

  /**
   * Standard names that are no Spring property: the OpenTelemetry SDK's autoconfiguration and the
   * JVM's own. Anything else a deployment sets must bind to a property of the service.
   */
  static final Set<String> STANDARD_VARIABLES =
      Set.of(
          "OTEL_SERVICE_NAME",
          "OTEL_RESOURCE_ATTRIBUTES",
          "OTEL_EXPORTER_OTLP_ENDPOINT",
          "OTEL_EXPORTER_OTLP_PROTOCOL",
          "OTEL_EXPORTER_OTLP_HEADERS",
          "OTEL_EXPORTER_OTLP_CERTIFICATE",
          "OTEL_TRACES_EXPORTER",
          "OTEL_METRICS_EXPORTER",
          "OTEL_LOGS_EXPORTER",
          "OTEL_TRACES_SAMPLER",
          "OTEL_TRACES_SAMPLER_ARG",
          "OTEL_PROPAGATORS",
          "JAVA_TOOL_OPTIONS",
          "JDK_JAVA_OPTIONS");

  final String name;
  final String module;
  final int port;
  final Service service;
  private final String basePackage;
  private PropertyNames properties;

  DeployedService(String name, String module, int port, Service service, String basePackage) {
    this.name = name;
    this.module = module;
    this.port = port;
    this.service = service;
    this.basePackage = basePackage;
  }

  /** The Maven artifact id, also the image name and {@code spring.application.name}. */
  String artifactId() {
    return module.substring(module.lastIndexOf('/') + 1);
  }

  String applicationYml() {
    return Repository.read(module + "/src/main/resources/application.yml");
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> applicationSettings() {
    return (Map<String, Object>) new Yaml().load(applicationYml());
  }

  /** Every property this service binds: Spring Boot's, Switchboard's records, placeholders. */
  synchronized PropertyNames properties() {
    if (properties == null) {
      List<String> names = new ArrayList<>(PropertyNames.springMetadata());
      names.addAll(
          service == null
              ? PropertyNames.switchboardProperties(basePackage)
              : PropertyNames.switchboardProperties(basePackage, "dev.switchboard.edge"));
      names.addAll(PropertyNames.placeholders(applicationYml()));
      if (this == HANDOFF) {
        // Bound by web-security's WebSecuritySettings.bind(environment, "switchboard.handoff").
        names.addAll(
            PropertyNames.recordProperties("switchboard.handoff", WebSecuritySettings.class));
      }
      properties = new PropertyNames(names);
    }
    return properties;
  }

  boolean accepts(String variable) {
    return STANDARD_VARIABLES.contains(variable) || properties().bindsEnvironmentVariable(variable);
  }

  static DeployedService named(String name) {
    for (DeployedService service : values()) {
      if (service.name.equals(name)) {
        return service;
      }
    }
    throw new IllegalArgumentException("no service " + name);
  }
}
