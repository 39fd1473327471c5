package dev.tradingsystem.portfolio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.portfolio.journal.JournalConfig;
import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigLoader;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which journal a configuration selects, and the refusals that name the key to fix. */
class JournalSelectionTest {

  /** Empty table cells arrive as null: the key is not set. */
  private static PortfolioConfig read(String backend, String dir, String servers, String... more) {
    List<String> overrides = new ArrayList<>(List.of(more));
    if (backend != null) {
      overrides.add("portfolio.journal.backend=" + backend);
    }
    if (dir != null) {
      overrides.add("portfolio.journal.dir=" + dir);
    }
    if (servers != null) {
      overrides.add("kafka.bootstrapServers=" + servers);
    }
    return PortfolioConfig.from(ConfigReader.of(ConfigLoader.merge(new JsonObject(), overrides, Map.of())));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', useHeadersInDisplayName = true, textBlock = """
      backend | dir             | kafka servers  | journal
              |                 |                | NONE
              | /var/portfolio  |                | FILE
              | /var/portfolio  | localhost:9092 | FILE
              |                 | localhost:9092 | NONE
      none    |                 | localhost:9092 | NONE
      file    | /var/portfolio  |                | FILE
      kafka   |                 | localhost:9092 | KAFKA
      """)
  void theJournalIsChosenLikeThis(String backend, String dir, String servers, JournalConfig.Backend expected) {
    JournalConfig journal = read(backend, dir, servers).journal();

    assertThat(journal.backend()).isEqualTo(expected);
    assertThat(journal.enabled()).isEqualTo(expected != JournalConfig.Backend.NONE);
    assertThat(journal.kafka().isPresent()).isEqualTo(expected == JournalConfig.Backend.KAFKA);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', useHeadersInDisplayName = true, textBlock = """
      backend | dir            | kafka servers  | key                         | reason
      kafka   |                |                | portfolio.journal.backend   | kafka.bootstrapServers
      kafka   | /var/portfolio | localhost:9092 | portfolio.journal.backend   | one journal only
      file    |                |                | portfolio.journal.backend   | portfolio.journal.dir
      none    | /var/portfolio |                | portfolio.journal.backend   | dir is set
      tape    |                |                | portfolio.journal.backend   | tape
      kafka   |                | localhost      | kafka.bootstrapServers      | host:port
      """)
  void aContradictoryJournalIsRefusedNamingTheKey(String backend, String dir, String servers, String key, String reason) {
    assertThatThrownBy(() -> read(backend, dir, servers))
        .isInstanceOf(ConfigException.class).hasMessageContaining(key).hasMessageContaining(reason);
  }

  @Test
  void theKafkaTopicDefaultsAndIsValidated() {
    assertThat(read("kafka", null, "localhost:9092").journal().kafkaTopic()).isEqualTo("portfolio.journal");
    assertThat(read("kafka", null, "localhost:9092", "portfolio.journal.kafkaTopic=book-1.journal").journal()
        .kafkaTopic()).isEqualTo("book-1.journal");

    assertThatThrownBy(() -> read("kafka", null, "localhost:9092", "portfolio.journal.kafkaTopic=orders journal"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("portfolio.journal.kafkaTopic");
  }
}
