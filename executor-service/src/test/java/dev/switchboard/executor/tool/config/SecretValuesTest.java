package dev.switchboard.executor.tool.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretValuesTest {
  @TempDir Path secrets;

  @Test
  void shouldFillEnvironmentVariablesAndSecretFiles() throws Exception {
    Files.writeString(secrets.resolve("crm-token"), "tok-123\n");
    SecretValues values = new SecretValues(secrets, Map.of("REGION", "eu")::get);

    assertThat(values.resolve("Bearer ${secret:crm-token}")).isEqualTo("Bearer tok-123");
    assertThat(values.resolve("https://${env:REGION}.example/x")).isEqualTo("https://eu.example/x");
    assertThat(values.resolve("plain")).isEqualTo("plain");
    assertThat(values.resolve(null)).isNull();
  }

  @Test
  void shouldNameTheMissingReferenceButNoValue() throws Exception {
    Files.writeString(secrets.resolve("present"), "hidden-value");
    SecretValues values = new SecretValues(secrets, name -> null);

    assertThatThrownBy(() -> values.resolve("${env:API_KEY}"))
        .isInstanceOf(ToolsFileException.class)
        .hasMessage("${env:API_KEY}: the environment variable is not set");
    assertThatThrownBy(() -> values.resolve("${secret:present} ${secret:absent}"))
        .hasMessage("${secret:absent}: cannot read " + secrets.resolve("absent"))
        .hasMessageNotContaining("hidden-value");
  }

  @Test
  void shouldRefuseASecretOutsideTheSecretsDirectory() {
    SecretValues values = new SecretValues(secrets, name -> null);

    assertThatThrownBy(() -> values.resolve("${secret:../../etc/passwd}"))
        .hasMessageContaining("is no valid reference");
  }

  @Test
  void shouldAskForTheSecretsDirectoryWhenThereIsNone() {
    assertThatThrownBy(() -> new SecretValues(null, name -> null).resolve("${secret:x}"))
        .hasMessageContaining("switchboard.executor.tools.secrets-dir");
  }
}
