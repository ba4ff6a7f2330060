package dev.switchboard.executor.tool;

import dev.switchboard.executor.tool.config.SecretValues;
import java.net.http.HttpClient;
import java.time.Duration;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every configured tool shares.
 *
 * @param toolTimeout a call's default timeout (a server or HTTP tool may set its own)
 * @param connectTimeout longest wait for an MCP server to initialize and list its tools
 */
public record ToolRuntime(
    SecretValues secrets,
    Duration toolTimeout,
    Duration connectTimeout,
    JsonMapper mapper,
    OutputLimit limit,
    HttpClient http) {}
