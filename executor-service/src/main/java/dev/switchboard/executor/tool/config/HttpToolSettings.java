package dev.switchboard.executor.tool.config;

import dev.switchboard.executor.tool.ToolOverrides;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One plain HTTP tool of the tool file ({@code http-tools.<name>}): a request made from the call's
 * arguments.
 *
 * @param method GET, POST, PUT, PATCH or DELETE
 * @param url with {@code {argument}} placeholders (URL-encoded) and references
 * @param headers values may hold references ({@code ${secret:NAME}}, {@code ${env:NAME}})
 * @param body JSON template: a string that is exactly {@code "{argument}"} becomes the argument's
 *     JSON value, other strings get {@code {argument}} filled in as text; null: the arguments as
 *     they are (POST, PUT, PATCH), no body (GET, DELETE)
 * @param inputSchema JSON Schema of the arguments; null: one required string per placeholder
 * @param readOnly, sideEffect, idempotent as for {@link ToolOverrides}; unset: a side effect that
 *     must not be repeated
 */
public record HttpToolSettings(
    String description,
    String method,
    String url,
    Map<String, String> headers,
    JsonNode body,
    JsonNode inputSchema,
    Boolean readOnly,
    Boolean sideEffect,
    Boolean idempotent,
    String timeout) {

  public HttpToolSettings {
    method = method == null ? "GET" : method.strip().toUpperCase(Locale.ROOT);
    headers = ToolsFile.ordered(headers);
    body = body == null || body.isNull() || body.isMissingNode() ? null : body;
  }

  public ToolOverrides overrides() {
    return new ToolOverrides(readOnly, sideEffect, idempotent);
  }

  public Duration timeoutOr(Duration fallback) {
    return timeout == null ? fallback : ToolsFile.duration(timeout, "timeout");
  }
}
