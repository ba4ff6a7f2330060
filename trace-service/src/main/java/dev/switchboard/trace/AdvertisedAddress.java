package dev.switchboard.trace;

import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * Advertises this instance's HTTP address to the other instances through Kafka Streams' {@code
 * application.server}, once the web server knows its port (it starts before the goal stream). An
 * explicit {@code spring.kafka.streams.properties.application.server} wins.
 */
final class AdvertisedAddress implements ApplicationListener<WebServerInitializedEvent> {
  private static final Logger log = LoggerFactory.getLogger(AdvertisedAddress.class);

  private final StreamsBuilderFactoryBean streams;
  private final GoalOwners owners;
  private final TraceProperties properties;

  AdvertisedAddress(
      StreamsBuilderFactoryBean streams, GoalOwners owners, TraceProperties properties) {
    this.streams = streams;
    this.owners = owners;
    this.properties = properties;
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    if (event.getApplicationContext().getServerNamespace() != null) {
      return; // a separate management port is not where journals are served
    }
    Properties config = streams.getStreamsConfiguration();
    String configured = config.getProperty(StreamsConfig.APPLICATION_SERVER_CONFIG);
    HostInfo address =
        configured != null && !configured.isBlank()
            ? HostInfo.buildFromEndpoint(configured)
            : new HostInfo(
                properties.advertisedHost(),
                properties.advertisedPort() != null
                    ? properties.advertisedPort()
                    : event.getWebServer().getPort());
    if (configured == null || configured.isBlank()) {
      if (streams.isRunning()) {
        log.warn("the goal stream started before the web server; not advertising {}", address);
        return;
      }
      config.put(StreamsConfig.APPLICATION_SERVER_CONFIG, address.host() + ":" + address.port());
      streams.setStreamsConfiguration(config);
    }
    owners.advertisedAs(address);
    log.info(
        "serving journals as {}:{} to the other trace-service instances",
        address.host(),
        address.port());
  }
}
