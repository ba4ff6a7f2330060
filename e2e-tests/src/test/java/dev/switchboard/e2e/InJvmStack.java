package dev.switchboard.e2e;

import dev.switchboard.examples.sales.SalesToolsApplication;
import dev.switchboard.executor.ExecutorApplication;
import dev.switchboard.guardrail.GuardrailApplication;
import dev.switchboard.handoff.HandoffApplication;
import dev.switchboard.planner.PlannerApplication;
import dev.switchboard.planner.llm.OpenAiStubServer;
import dev.switchboard.trace.TraceApplication;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The five services as five Spring applications in this JVM, each with its own context, web server
 * on a random port and Kafka Streams client, talking only through the given broker; plus the
 * example MCP server (examples/sales-tools), which the executor reaches over streamable HTTP; the
 * model of the LLM planner's agents (the OpenAI-compatible stub server, whatever the scenario
 * scripts) and a web page carrying a prompt injection (the executor's {@code web.fetch}).
 */
final class InJvmStack implements StackUnderTest, AutoCloseable {
  static final String SIGNING_KEY = "e2e-signing-key-0123456789abcdef0123456789";
  static final String OPERATOR_TOKEN = "e2e-operator-token-0123456789";
  static final String SALES_TOOLS_TOKEN = "e2e-sales-tools-token-0123456789";

  /** The model name of the LLM planner's agents, priced at 2.50 / 10 dollars per million tokens. */
  static final String MODEL = "stub-model";

  /** The password of the inbox's people: approver and requester, both in human:approvers. */
  static final String PASSWORD = "e2e-password-of-everyone";

  private static final List<String> SECURITY_AUTO_CONFIGURATION =
      List.of(
          "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
          "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
          "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
          "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
          "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration");

  static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");

  private static final String PASSWORD_HASH =
      org.springframework.security.crypto.bcrypt.BCrypt.hashpw(
          PASSWORD, org.springframework.security.crypto.bcrypt.BCrypt.gensalt(4));

  private final String bootstrapServers;
  private final String topicPrefix;
  private final Map<Class<?>, ConfigurableApplicationContext> contexts = new LinkedHashMap<>();
  private final OpenAiStubServer model = startModel();
  private final InjectedPageServer page = new InjectedPageServer();

  /** Every span of every service, each service with its own SDK and service name. */
  private final InMemorySpanExporter spans = InMemorySpanExporter.create();

  private InJvmStack(String bootstrapServers, String topicPrefix) {
    this.bootstrapServers = bootstrapServers;
    this.topicPrefix = topicPrefix;
  }

  static InJvmStack start(String bootstrapServers, String topicPrefix, Path workDir) {
    InJvmStack stack = new InJvmStack(bootstrapServers, topicPrefix);
    // One after another: Spring Boot applications starting at once in one JVM race on the shared
    // logging system ("Unable to find Spring Environment in logger context") or deadlock.
    try {
      stack.contexts.put(
          SalesToolsApplication.class,
          stack.run(
              SalesToolsApplication.class,
              Map.of(
                  "sales-tools.data-dir",
                  workDir.resolve("sales-tools").toString(),
                  "sales-tools.token",
                  SALES_TOOLS_TOKEN,
                  // kafka-edge's shared defaults are on this classpath too; the server has no
                  // stream.
                  "management.endpoint.health.group.readiness.include",
                  "readinessState")));
      Path tools = stack.writeToolFile(workDir);
      Map<Class<?>, Map<String, String>> services = new LinkedHashMap<>();
      Path agentsDir =
          E2eAgents.directory(workDir.resolveSibling(workDir.getFileName() + "-agents"));
      services.put(
          PlannerApplication.class,
          Map.of(
              "switchboard.planner.agents-dir",
              agentsDir.toString(),
              "switchboard.planner.llm.provider",
              "openai",
              "switchboard.planner.llm.base-url",
              stack.model.baseUrl(),
              "switchboard.planner.llm.api-key",
              "e2e-model-key",
              "switchboard.planner.llm.model",
              MODEL,
              "switchboard.planner.llm.max-retries",
              "0",
              "switchboard.planner.llm.prices." + MODEL + ".input",
              "2.50",
              "switchboard.planner.llm.prices." + MODEL + ".output",
              "10"));
      services.put(GuardrailApplication.class, Map.of());
      services.put(
          ExecutorApplication.class,
          Map.of(
              "switchboard.executor.outbox-dir",
              workDir.resolve("outbox").toString(),
              "switchboard.executor.tools.file",
              tools.toString(),
              "switchboard.executor.tools.secrets-dir",
              workDir.resolve("secrets").toString(),
              "management.endpoint.health.group.readiness.include",
              "readinessState,goalStreams,kafkaCluster,tools"));
      services.put(HandoffApplication.class, Map.of());
      services.put(TraceApplication.class, Map.of());
      for (Map.Entry<Class<?>, Map<String, String>> service : services.entrySet()) {
        stack.contexts.put(service.getKey(), stack.run(service.getKey(), service.getValue()));
      }
    } catch (RuntimeException e) {
      stack.close();
      throw e;
    }
    return stack;
  }

  /** The executor's tool registry: the example server, its token from the secrets directory. */
  private Path writeToolFile(Path workDir) {
    try {
      Path secrets = Files.createDirectories(workDir.resolve("secrets"));
      Files.writeString(secrets.resolve("sales-tools-token"), SALES_TOOLS_TOKEN);
      Path file = workDir.resolve("tools.yml");
      Files.writeString(
          file,
          """
          mcp-servers:
            sales:
              transport: streamable-http
              url: %s/mcp
              headers:
                Authorization: "Bearer ${secret:sales-tools-token}"
              trusted: true
              tool-prefix: ""
              tools:
                crm.log_activity: { idempotent: true }
                calendar.schedule_followup: { idempotent: true }
          http-tools:
            web.fetch:
              description: Reads a web page by its name
              url: "%s"
              read-only: true
          """
              .formatted(salesToolsUrl(), page.urlTemplate()));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ConfigurableApplicationContext run(Class<?> service, Map<String, String> own) {
    // All services' application.yml share this classpath and only one would win, so none is read
    // here: the services' defaults plus these settings (the system test runs the real jars with
    // their own files).
    Map<String, String> settings = new LinkedHashMap<>();
    settings.put("spring.config.name", "switchboard-e2e-none");
    settings.put("spring.application.name", service.getSimpleName());
    settings.put("server.port", "0");
    settings.put("spring.kafka.bootstrap-servers", bootstrapServers);
    settings.put("switchboard.kafka.topic-prefix", topicPrefix);
    settings.put("switchboard.security.action-signing-key", SIGNING_KEY);
    settings.put("switchboard.handoff.operator-token", OPERATOR_TOKEN);
    settings.put("switchboard.trace.operator-token", OPERATOR_TOKEN);
    // The guardrail checks approvers again against its own list: the inbox's people are on it.
    settings.put("switchboard.guardrail.approvers", "local-operator,approver,requester");
    if (service != HandoffApplication.class && service != TraceApplication.class) {
      // Spring Security is on this shared classpath for the inbox and the trace only; the other
      // services have no sign-in, so its auto-configuration must not lock them behind a default
      // user.
      settings.put("spring.autoconfigure.exclude", String.join(",", SECURITY_AUTO_CONFIGURATION));
    }
    List<String> people = List.of("approver", "requester");
    for (int i = 0; i < people.size(); i++) {
      settings.put("switchboard.handoff.users[" + i + "].name", people.get(i));
      settings.put("switchboard.handoff.users[" + i + "].password-hash", PASSWORD_HASH);
      settings.put("switchboard.handoff.users[" + i + "].roles", "approvers");
    }
    settings.putAll(own);
    String[] args =
        settings.entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .toArray(String[]::new);
    return new SpringApplicationBuilder(service)
        .initializers(
            context ->
                context.getBeanFactory().registerSingleton("openTelemetry", tracing(service)))
        .run(args);
  }

  /** The service's SDK, exporting to the stack's in-memory exporter as each span ends. */
  private OpenTelemetrySdk tracing(Class<?> service) {
    String name =
        "switchboard-"
            + service.getSimpleName().replace("Application", "").toLowerCase(Locale.ROOT);
    return OpenTelemetrySdk.builder()
        .setTracerProvider(
            SdkTracerProvider.builder()
                .setResource(
                    Resource.getDefault().merge(Resource.create(Attributes.of(SERVICE_NAME, name))))
                .addSpanProcessor(SimpleSpanProcessor.create(spans))
                .build())
        .build();
  }

  /** The spans every service of this stack finished so far. */
  List<SpanData> finishedSpans() {
    return spans.getFinishedSpanItems();
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
  public String salesToolsUrl() {
    return urlOf(SalesToolsApplication.class);
  }

  @Override
  public String operatorToken() {
    return OPERATOR_TOKEN;
  }

  /** The model of the LLM planner's agents; scenarios set how it answers. */
  OpenAiStubServer model() {
    return model;
  }

  private static OpenAiStubServer startModel() {
    try {
      return new OpenAiStubServer();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    List.copyOf(contexts.values()).reversed().forEach(ConfigurableApplicationContext::close);
    model.close();
    page.close();
  }
}
