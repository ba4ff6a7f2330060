package dev.switchboard.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.contracts.SwitchboardHeaders;
import io.opentelemetry.context.Context;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventContextTest {
  private static final String TRACEPARENT =
      "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @Test
  void shouldCarryTheTraceparentOfTheRecordsLastContext() {
    RecordHeaders headers = new RecordHeaders();
    headers.add(
        SwitchboardHeaders.TRACEPARENT,
        "00-11111111111111111111111111111111-2222222222222222-01".getBytes(StandardCharsets.UTF_8));
    headers.add(SwitchboardHeaders.TRACEPARENT, TRACEPARENT.getBytes(StandardCharsets.UTF_8));

    EventContext context = EventContext.of(GoalTracing.extract(headers));

    assertThat(context.traceparent()).isEqualTo(TRACEPARENT);
    assertThat(context.traceId()).isEqualTo("0af7651916cd43dd8448eb211c80319c");
  }

  @Test
  void shouldCarryNothingWithoutAValidContext() {
    assertThat(EventContext.of(Context.root())).isEqualTo(EventContext.none());
    RecordHeaders garbage = new RecordHeaders();
    garbage.add(SwitchboardHeaders.TRACEPARENT, "first".getBytes(StandardCharsets.UTF_8));
    assertThat(EventContext.of(GoalTracing.extract(garbage)).traceparent()).isNull();
    assertThat(EventContext.none().traceId()).isNull();
  }

  @Test
  void shouldGoBackToTheContextItNames() {
    Context context = GoalTracing.extract(new EventContext(TRACEPARENT));

    assertThat(EventContext.of(context).traceparent()).isEqualTo(TRACEPARENT);
  }
}
