package io.orderflow.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ComposeFileTest {

  @Test
  @DisplayName("Every Camunda image in docker-compose.yml defaults to the pom's camunda.version")
  void composeImagesFollowTheCamundaVersion() throws IOException {
    Matcher property = Pattern.compile("<camunda\\.version>([^<]+)</camunda\\.version>")
        .matcher(Files.readString(Path.of("pom.xml")));
    assertThat(property.find()).as("camunda.version in pom.xml").isTrue();

    List<String> camundaImages = Files.readAllLines(Path.of("docker-compose.yml")).stream()
        .map(String::trim).filter(l -> l.startsWith("image: camunda/")).toList();

    assertThat(camundaImages).isNotEmpty()
        .allSatisfy(image -> assertThat(image).endsWith(":${CAMUNDA_VERSION:-" + property.group(1) + "}"));
  }
}
