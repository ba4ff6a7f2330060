package dev.switchboard.executor.tool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.contracts.catalog.ToolEntry.Annotations;
import org.junit.jupiter.api.Test;

class ToolOverridesTest {

  @Test
  void shouldBelieveTheHintsOfATrustedServer() {
    assertThat(ToolOverrides.NONE.apply(false, false, true, false, true))
        .isEqualTo(new Annotations(false, false, true, false));
  }

  @Test
  void shouldTakeMcpsCautiousDefaultsForHintsATrustedServerLeftOut() {
    assertThat(ToolOverrides.NONE.apply(null, null, null, null, true))
        .isEqualTo(Annotations.CAUTIOUS);
    assertThat(ToolOverrides.NONE.apply(false, null, null, null, true))
        .isEqualTo(new Annotations(false, true, false, true));
  }

  @Test
  void shouldIgnoreTheHintsOfAnUntrustedServer() {
    Annotations effective = ToolOverrides.NONE.apply(true, false, true, false, false);

    assertThat(effective).isEqualTo(Annotations.CAUTIOUS);
  }

  @Test
  void shouldLetTheConfigurationHaveTheLastWord() {
    assertThat(new ToolOverrides(true, null, null).apply(null, null, null, null, false))
        .isEqualTo(new Annotations(true, false, true, true));
    assertThat(new ToolOverrides(null, true, null).apply(true, false, true, false, true))
        .isEqualTo(new Annotations(false, false, true, false));
    assertThat(new ToolOverrides(null, null, true).apply(false, true, false, true, false))
        .isEqualTo(new Annotations(false, true, true, true));
    assertThat(new ToolOverrides(null, null, false).apply(false, false, true, false, true))
        .isEqualTo(new Annotations(false, false, false, false));
  }

  @Test
  void shouldRefuseToBeReadOnlyAndSideEffectingAtOnce() {
    assertThatThrownBy(() -> new ToolOverrides(true, true, null))
        .hasMessage("read-only: true contradicts side-effect: true");
    assertThat(new ToolOverrides(true, false, null).readOnly()).isTrue();
  }
}
