package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.SwitchboardHeaders;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventContextTest {

  @Test
  void shouldCarryTheRecordsLastTraceparent() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(SwitchboardHeaders.TRACEPARENT, "first".getBytes(StandardCharsets.UTF_8));
    headers.add(SwitchboardHeaders.TRACEPARENT, "second".getBytes(StandardCharsets.UTF_8));

    assertThat(EventContext.of(headers).traceparent()).isEqualTo("second");
  }

  @Test
  void shouldCarryNothingForARecordWithoutOne() {
    assertThat(EventContext.of(new RecordHeaders())).isEqualTo(EventContext.none());
    assertThat(EventContext.of(null).traceparent()).isNull();
  }
}
