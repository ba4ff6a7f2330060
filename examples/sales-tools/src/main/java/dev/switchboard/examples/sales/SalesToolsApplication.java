package dev.switchboard.examples.sales;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The sales example's MCP server: CRM, email and calendar tools over streamable HTTP. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SalesToolsApplication {
  public static void main(String[] args) {
    SpringApplication.run(SalesToolsApplication.class, args);
  }
}
