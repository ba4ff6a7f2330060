package dev.switchboard.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * The Jib setup behind -Pimages (it cannot pull a base image on the build machines, so the build
 * itself is not run here): every deployed module builds an image on its own port, as a non-root
 * user with container-aware heap flags; the compose file and Kubernetes use those names.
 */
class ImageConfigurationTest {

  @Test
  void shouldBuildANonRootContainerAwareImageInTheImagesProfileOnly() throws Exception {
    Document parent = parse("pom.xml");
    String jib = "//profile[id='images']//plugin[artifactId='jib-maven-plugin']";
    assertThat(text(parent, jib + "/configuration/container/user")).isEqualTo("1000:1000");
    assertThat(texts(parent, jib + "/configuration/container/jvmFlags/jvmFlag"))
        .contains("-XX:MaxRAMPercentage=75");
    assertThat(text(parent, jib + "/configuration/container/ports/port"))
        .isEqualTo("${image.port}");
    assertThat(text(parent, jib + "//goal")).isEqualTo("buildTar");
    assertThat(text(parent, jib + "/configuration/to/image"))
        .isEqualTo("switchboard/${project.artifactId}:${project.version}");
    assertThat(text(parent, "/project/properties/jib.skip")).isEqualTo("true");
  }

  @Test
  void shouldMakeAnImageOfEveryDeployedServiceOnItsPort() throws Exception {
    for (DeployedService service : DeployedService.values()) {
      Document pom = parse(service.module + "/pom.xml");
      assertThat(text(pom, "/project/properties/jib.skip")).as(service.module).isEqualTo("false");
      assertThat(text(pom, "/project/properties/image.port"))
          .as(service.module)
          .isEqualTo(String.valueOf(service.port));
    }
  }

  private static Document parse(String relative) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(
            new ByteArrayInputStream(Repository.read(relative).getBytes(StandardCharsets.UTF_8)));
  }

  private static String text(Document document, String xpath) throws Exception {
    return ((String)
            XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.STRING))
        .strip();
  }

  private static java.util.List<String> texts(Document document, String xpath) throws Exception {
    NodeList nodes =
        (NodeList)
            XPathFactory.newInstance().newXPath().evaluate(xpath, document, XPathConstants.NODESET);
    java.util.List<String> values = new java.util.ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      values.add(nodes.item(i).getTextContent().strip());
    }
    return values;
  }
}
