package dev.switchboard.e2e;

import dev.switchboard.executor.ExecutorApplication;
import dev.switchboard.guardrail.GuardrailApplication;
import dev.switchboard.handoff.HandoffApplication;
import dev.switchboard.planner.PlannerApplication;
import dev.switchboard.trace.TraceApplication;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The five services as five Spring applications in this JVM, each with its own context, web server
 * on a random port and Kafka Streams client, talking only through the given broker.
 */
final class InJvmStack implements StackUnderTest, AutoCloseable {
  static final String SIGNING_KEY = "e2e-signing-key-0123456789abcdef0123456789";
  static final String OPERATOR_TOKEN = "e2e-operator-token-0123456789";

  private final String bootstrapServers;
  private final String topicPrefix;
  private final Map<Class<?>, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();

  private InJvmStack(String bootstrapServers, String topicPrefix) {
    this.bootstrapServers = bootstrapServers;
    this.topicPrefix = topicPrefix;
  }

  static InJvmStack start(String bootstrapServers, String topicPrefix, Path outboxDir) {
    InJvmStack stack = new InJvmStack(bootstrapServers, topicPrefix);
    Path agentsDir =
        E2eAgents.directory(outboxDir.resolveSibling(outboxDir.getFileName() + "-agents"));
    List<Class<?>> services =
        List.of(
            PlannerApplication.class,
            GuardrailApplication.class,
            ExecutorApplication.class,
            HandoffApplication.class,
            TraceApplication.class);
    // One after another: Spring Boot applications starting at once in one JVM race on the shared
    // logging system ("Unable to find Spring Environment in logger context") or deadlock.
    try {
      for (Class<?> service : services) {
        stack.contexts.put(service, stack.run(service, outboxDir, agentsDir));
      }
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  private ConfigurableApplicationContext run(Class<?> service, Path outboxDir, Path agentsDir) {
    // All five services' application.yml share this classpath and only one would win, so none
    // is read here: the services' defaults plus these settings (the system test runs the real jars
    // with their own files).
    Map<String, String> settings =
        Map.of(
            "spring.config.name",
            "switchboard-e2e-none",
            "spring.application.name",
            service.getSimpleName(),
            "server.port",
            "0",
            "spring.kafka.bootstrap-servers",
            bootstrapServers,
            "switchboard.kafka.topic-prefix",
            topicPrefix,
            "switchboard.security.action-signing-key",
            SIGNING_KEY,
            "switchboard.handoff.operator-token",
            OPERATOR_TOKEN,
            "switchboard.executor.outbox-dir",
            outboxDir.toString(),
            "switchboard.planner.agents-dir",
            agentsDir.toString());
    String[] args =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(service).run(args);
  }

  private String urlOf(Class<?> service) {
    return "http://localhost:"
        + contexts.get(service).getEnvironment().getRequiredProperty("local.server.port");
  }

  List<String> readinessUrls() {
    return contexts.keySet().stream().map(s -> urlOf(s) + "/actuator/health/readiness").toList();
  }

  @Override
  public String bootstrapServers() {
    return bootstrapServers;
  }

  @Override
  public String topicPrefix() {
    return topicPrefix;
  }

  @Override
  public String handoffUrl() {
    return urlOf(HandoffApplication.class);
  }

  @Override
  public String traceUrl() {
    return urlOf(TraceApplication.class);
  }

  @Override
  public String operatorToken() {
    return OPERATOR_TOKEN;
  }

  @Override
  public void close() {
    contexts.values().forEach(ConfigurableApplicationContext::close);
  }
}
