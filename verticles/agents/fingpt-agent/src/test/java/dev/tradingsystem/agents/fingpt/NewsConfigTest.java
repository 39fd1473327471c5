package dev.tradingsystem.agents.fingpt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.shared.config.ConfigException;
import dev.tradingsystem.shared.config.ConfigReader;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class NewsConfigTest {

  private static ConfigReader config(JsonObject news) {
    return ConfigReader.of(new JsonObject().put("agents", new JsonObject().put("fingpt",
        new JsonObject().put("news", news))).put(ConfigReader.ENV_KEY, new JsonObject()));
  }

  @Test
  void everyKey() {
    NewsConfig news = NewsConfig.from(config(new JsonObject()
        .put("file", " data/news.csv ").put("format", "dykstranet").put("symbols", "BTC, ETH/USDT")
        .put("dateOnlyAtDayStart", true)
        .put("rss", new JsonObject().put("urls", new JsonArray(List.of("https://a.example/rss", "http://b.example/atom")))
            .put("pollMs", 120_000).put("timeoutMs", 5_000).put("maxBackoffMs", 600_000)
            .put("maxRemembered", 500).put("maxBytes", 65_536))));
    assertThat(news).isEqualTo(new NewsConfig("data/news.csv", NewsFileFormat.DYKSTRANET, List.of("BTC", "ETH/USDT"),
        true, List.of("https://a.example/rss", "http://b.example/atom"), 120_000, 5_000, 600_000, 500, 65_536));
  }

  @Test
  void defaultsReadNothing() {
    assertThat(NewsConfig.from(config(new JsonObject()))).isEqualTo(NewsConfig.defaults());
  }

  @Test
  void badValuesFailNamingTheKey() {
    assertThatThrownBy(() -> NewsConfig.from(config(new JsonObject().put("symbols", "b@d"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("agents.fingpt.news.symbols");
    assertThatThrownBy(() -> NewsConfig.from(config(new JsonObject().put("format", "xml"))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("agents.fingpt.news.format");
    assertThatThrownBy(() -> NewsConfig.from(config(new JsonObject()
        .put("rss", new JsonObject().put("urls", "ftp://x.example/feed")))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("agents.fingpt.news.rss.urls");
    assertThatThrownBy(() -> NewsConfig.from(config(new JsonObject().put("rss", new JsonObject().put("pollMs", 0)))))
        .isInstanceOf(ConfigException.class).hasMessageContaining("agents.fingpt.news.rss.pollMs");
  }
}
