package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committed Strimzi topics and users and the compose topic script are what the catalog gives
 * now. With {@code -Dswitchboard.deploy.write=true} this test rewrites them instead.
 */
class GeneratedDeployFilesTest {

  @Test
  void shouldMatchWhatTheCatalogGenerates() throws IOException {
    if (Boolean.getBoolean("switchboard.deploy.write")) {
      DeployFiles.write(Repository.root());
    }
    for (Map.Entry<Path, String> file : DeployFiles.render(Repository.root()).entrySet()) {
      assertThat(Repository.read(file.getKey().toString()))
          .as(
              file.getKey()
                  + " differs from the catalog: regenerate with -Dswitchboard.deploy.write=true"
                  + " (see its header)")
          .isEqualTo(file.getValue());
    }
  }
}
