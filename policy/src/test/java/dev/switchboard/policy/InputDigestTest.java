package dev.switchboard.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InputDigestTest {

  @Test
  void shouldHashEqualInputsEquallyWhateverTheArgumentOrder() {
    String a =
        InputDigest.of(
            Inputs.tool(Inputs.sendTool("email.send"), "{\"to\":\"a\",\"n\":{\"x\":1,\"y\":2}}"));
    String b =
        InputDigest.of(
            Inputs.tool(Inputs.sendTool("email.send"), "{\"n\":{\"y\":2,\"x\":1},\"to\":\"a\"}"));

    assertThat(a).isEqualTo(b).hasSize(64).matches("[0-9a-f]+");
  }

  @Test
  void shouldHashDifferentInputsDifferently() {
    PolicyInput clean = Inputs.tool(Inputs.sendTool("email.send"), "{\"to\":\"a\"}");

    assertThat(InputDigest.of(clean))
        .isNotEqualTo(InputDigest.of(Inputs.tool(Inputs.sendTool("email.send"), "{\"to\":\"b\"}")))
        .isNotEqualTo(InputDigest.of(Inputs.tainted(clean)))
        .isNotEqualTo(InputDigest.of(Inputs.tool(Inputs.readTool("email.send"), "{\"to\":\"a\"}")));
  }
}
