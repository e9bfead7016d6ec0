package io.orderflow.fulfillment.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The translations of the customer's mails: complete, valid UTF-8, and readable by MessageFormat. */
class MailMessagesTest {

  /** Words that are the same in English and the translation. */
  static final Set<String> SAME_WORD = Set.of("es:column.total");

  @ParameterizedTest
  @ValueSource(strings = {"es", "pl", "bg"})
  @DisplayName("Every customer text is translated, and nothing a customer never reads (department words) is")
  void translationIsComplete(String language) throws IOException {
    Properties english = load("mail/messages.properties");
    Properties translated = load("mail/messages_" + language + ".properties");

    Set<String> customerKeys = english.stringPropertyNames().stream()
        .filter(k -> !k.startsWith("department") && !k.startsWith("audience.")).collect(Collectors.toCollection(TreeSet::new));
    assertThat(new TreeSet<>(translated.stringPropertyNames())).isEqualTo(customerKeys);
    for (String key : customerKeys) {
      assertThat(translated.getProperty(key)).as(key).isNotBlank();
      if (!SAME_WORD.contains(language + ":" + key)) {
        assertThat(translated.getProperty(key)).as("%s is still English", key).isNotEqualTo(english.getProperty(key));
      }
      assertThatCode(() -> new MessageFormat(translated.getProperty(key), Locale.forLanguageTag(language))
          .format(new Object[] {30, "ORD-1"})).as(key).doesNotThrowAnyException();
    }
  }

  private static Properties load(String resource) throws IOException {
    try (InputStream in = MailMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      byte[] bytes = in.readAllBytes();
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        throw new AssertionError(resource + " is not UTF-8", e);
      }
      Properties properties = new Properties();
      properties.load(new StringReader(text));
      return properties;
    }
  }
}
