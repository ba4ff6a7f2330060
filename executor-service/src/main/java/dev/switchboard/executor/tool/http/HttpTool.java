package dev.switchboard.executor.tool.http;

import dev.switchboard.contracts.catalog.ToolEntry.Annotations;
import dev.switchboard.executor.tool.OutputLimit;
import dev.switchboard.executor.tool.Tool;
import dev.switchboard.executor.tool.ToolCall;
import dev.switchboard.executor.tool.ToolDescriptor;
import dev.switchboard.executor.tool.ToolFailure;
import dev.switchboard.executor.tool.config.HttpToolSettings;
import dev.switchboard.executor.tool.config.SecretValues;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A plain HTTP endpoint as a tool. The action id goes along as the {@code Idempotency-Key} header.
 * A 2xx answer is the output (a JSON object as is, other JSON as {@code {"value"}}, text as {@code
 * {"text"}}, nothing as {@code {"status"}}); a 4xx is the endpoint's refusal ({@link ToolFailure});
 * a 5xx or no answer leaves the outcome open.
 */
public final class HttpTool implements Tool {
  static final int MAX_ERROR_CHARS = 500;
  private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

  private final HttpToolSettings settings;
  private final ToolDescriptor descriptor;
  private final SecretValues secrets;
  private final HttpClient http;
  private final Duration timeout;
  private final JsonMapper mapper;
  private final OutputLimit limit;

  public HttpTool(
      String name,
      HttpToolSettings settings,
      SecretValues secrets,
      HttpClient http,
      Duration defaultTimeout,
      JsonMapper mapper,
      OutputLimit limit) {
    this.settings = settings;
    this.secrets = secrets;
    this.http = http;
    this.timeout = settings.timeoutOr(defaultTimeout);
    this.mapper = mapper;
    this.limit = limit;
    Annotations annotations = settings.overrides().apply(null, null, null, null, false);
    this.descriptor =
        new ToolDescriptor(
            name,
            settings.description(),
            settings.inputSchema() != null ? settings.inputSchema() : derivedSchema(),
            annotations,
            true,
            "http");
  }

  /** One required string per placeholder. */
  private JsonNode derivedSchema() {
    ObjectNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    var required = schema.putArray("required");
    for (String name : RequestTemplate.placeholders(settings.url(), settings.body())) {
      properties.putObject(name).put("type", "string");
      required.add(name);
    }
    return schema;
  }

  @Override
  public String name() {
    return descriptor.name();
  }

  @Override
  public boolean sideEffect() {
    return descriptor.sideEffect();
  }

  @Override
  public boolean retrySafe() {
    return descriptor.retrySafe();
  }

  @Override
  public String server() {
    return descriptor.server();
  }

  @Override
  public ToolDescriptor descriptor() {
    return descriptor;
  }

  @Override
  public JsonNode call(ToolCall call) throws ToolFailure {
    JsonNode arguments = call.arguments();
    String url = RequestTemplate.url(secrets.resolve(settings.url()), arguments);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Accept", "application/json")
            .header(ToolCall.IDEMPOTENCY_KEY_HEADER, call.actionId());
    settings.headers().forEach((key, value) -> request.header(key, secrets.resolve(value)));
    JsonNode body =
        settings.body() != null
            ? RequestTemplate.body(settings.body(), arguments)
            : WITH_BODY.contains(settings.method()) ? arguments : null;
    if (body != null) {
      request.header("Content-Type", "application/json");
      request.method(
          settings.method(),
          HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(body)));
    } else {
      request.method(settings.method(), HttpRequest.BodyPublishers.noBody());
    }
    HttpResponse<String> response;
    try {
      response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(name() + ": no answer from " + hostOf(url) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(name() + " was interrupted", e);
    }
    int status = response.statusCode();
    if (status >= 400 && status < 500) {
      throw new ToolFailure("HTTP " + status + " from " + name() + ": " + cut(response.body()));
    }
    if (status < 200 || status >= 300) {
      throw new IllegalStateException(
          "HTTP " + status + " from " + name() + ": " + cut(response.body()));
    }
    return limit.apply(output(status, response.body()));
  }

  private JsonNode output(int status, String body) {
    if (body == null || body.isBlank()) {
      return JsonNodeFactory.instance.objectNode().put("status", status);
    }
    try {
      JsonNode json = mapper.readTree(body);
      return json.isObject() ? json : JsonNodeFactory.instance.objectNode().set("value", json);
    } catch (JacksonException e) {
      return JsonNodeFactory.instance.objectNode().put("text", body);
    }
  }

  /** Only the host goes into messages: the URL may carry a secret. */
  private static String hostOf(String url) {
    URI uri = URI.create(url);
    return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
  }

  private static String cut(String text) {
    String body = text == null ? "" : text.strip();
    return body.length() <= MAX_ERROR_CHARS ? body : body.substring(0, MAX_ERROR_CHARS) + "…";
  }

  @Override
  public String toString() {
    return "HttpTool[" + name() + "]";
  }
}
