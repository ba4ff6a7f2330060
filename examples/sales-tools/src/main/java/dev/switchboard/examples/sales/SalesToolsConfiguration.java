package dev.switchboard.examples.sales;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The MCP server: the SDK's streamable HTTP servlet at {@code /mcp} in Spring Boot's Tomcat, beside
 * Spring MVC's ledger endpoint and the actuator.
 */
@Configuration(proxyBeanMethods = false)
class SalesToolsConfiguration {
  static final String MCP_PATH = "/mcp";

  @Bean
  SalesBook salesBook(SalesToolsProperties properties, JsonMapper mapper) {
    return new SalesBook(properties.dataDir(), mapper, Clock.systemUTC());
  }

  @Bean
  HttpServletStreamableServerTransportProvider mcpTransport(SalesToolsProperties properties) {
    return HttpServletStreamableServerTransportProvider.builder()
        .mcpEndpoint(MCP_PATH)
        .jsonMapper(McpJsonDefaults.getMapper())
        .keepAliveInterval(Duration.ofSeconds(30))
        .httpHeaderValidator(
            DefaultServerTransportSecurityValidator.builder()
                .allowedHosts(properties.allowedHosts())
                .build())
        .build();
  }

  @Bean
  ServletRegistrationBean<HttpServletStreamableServerTransportProvider> mcpServlet(
      HttpServletStreamableServerTransportProvider transport) {
    ServletRegistrationBean<HttpServletStreamableServerTransportProvider> servlet =
        new ServletRegistrationBean<>(transport, MCP_PATH);
    servlet.setName("mcp");
    servlet.setAsyncSupported(true);
    servlet.setLoadOnStartup(1);
    return servlet;
  }

  @Bean
  FilterRegistrationBean<BearerTokenFilter> mcpToken(SalesToolsProperties properties) {
    FilterRegistrationBean<BearerTokenFilter> filter =
        new FilterRegistrationBean<>(
            new BearerTokenFilter(properties.token() == null ? "" : properties.token()));
    filter.addUrlPatterns(MCP_PATH, MCP_PATH + "/*");
    filter.setEnabled(properties.token() != null);
    return filter;
  }

  /**
   * Closes the MCP sessions (and their open event streams) first on shutdown, so the web server's
   * graceful shutdown waits for running calls only, not for clients' listening streams.
   */
  @Bean
  SmartLifecycle mcpSessionsCloser(McpSyncServer server) {
    return new SmartLifecycle() {
      private volatile boolean running;

      @Override
      public void start() {
        running = true;
      }

      @Override
      public void stop() {
        server.closeGracefully();
        running = false;
      }

      @Override
      public boolean isRunning() {
        return running;
      }

      @Override
      public int getPhase() {
        return Integer.MAX_VALUE;
      }
    };
  }

  @Bean(destroyMethod = "closeGracefully")
  McpSyncServer mcpServer(
      HttpServletStreamableServerTransportProvider transport, SalesBook book, JsonMapper mapper) {
    return McpServer.sync(transport)
        .serverInfo(
            McpSchema.Implementation.builder("sales-tools", "0.1.0")
                .title("Switchboard sales tools")
                .build())
        .instructions(
            "CRM, email and calendar tools of the Switchboard sales example. Look the account up"
                + " first (crm.lookup_account), then its contact (crm.find_contact).")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(true).build())
        .tools(new SalesTools(book, McpJsonDefaults.getMapper(), mapper).all())
        .build();
  }
}
