package dev.tradingsystem.coordinator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.coordinator.consensus.learning.BaseOverride;
import dev.tradingsystem.coordinator.consensus.learning.LearningParams;
import dev.tradingsystem.coordinator.consensus.learning.Outcome;
import dev.tradingsystem.coordinator.consensus.learning.WeightBook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Learned weights survive a restart; a bad file never stops the coordinator. */
class WeightStoreTest {

  private static final LearningParams PARAMS = new LearningParams(4, 50, 0.1, 2, 1, 60_000, 100);

  @TempDir
  Path dir;

  private static WeightBook book() {
    Map<String, Double> base = new LinkedHashMap<>();
    base.put("deepseek", 1.0);
    base.put("qwen", 2.0);
    return new WeightBook(base, 1.0, PARAMS);
  }

  @Test
  void aRestartRestoresTheLearnedWeights() throws IOException {
    WeightBook before = book();
    before.observe("deepseek", Outcome.HIT);
    before.observe("deepseek", Outcome.HIT);
    before.observe("qwen", Outcome.MISS);
    WeightStore store = new WeightStore(dir.resolve("sub/coordinator-weights.json"));

    store.write(before.standings(), 42);
    WeightStore.Loaded loaded = new WeightStore(dir.resolve("sub/coordinator-weights.json")).read();
    WeightBook after = book();
    after.restore(loaded.posteriors());

    assertThat(loaded.failed()).isFalse();
    assertThat(after.standings()).isEqualTo(before.standings());
    assertThat(after.weight("deepseek")).isGreaterThan(1.0);
    try (Stream<Path> files = Files.list(dir.resolve("sub"))) {
      assertThat(files.map(p -> p.getFileName().toString())).as("no temporary file left").containsExactly("coordinator-weights.json");
    }
  }

  @Test
  void operatorBaseWeightsAreSavedWithThePosteriors() throws IOException {
    WeightBook before = book();
    before.observe("qwen", Outcome.HIT);
    before.overrideBase("qwen", 0.25);
    WeightStore store = new WeightStore(dir.resolve("w.json"));

    store.write(before.standings(), before.overrides(), 7);
    WeightStore.Loaded loaded = store.read();
    WeightBook after = book();
    after.restore(loaded.posteriors());

    assertThat(loaded.overrides()).containsExactly(Map.entry("qwen", new BaseOverride(0.25, 2.0)));
    assertThat(after.restoreOverrides(loaded.overrides())).isEmpty();
    assertThat(after.standings()).isEqualTo(before.standings());
  }

  @Test
  void rewritingReplacesTheFile() throws IOException {
    WeightBook book = book();
    WeightStore store = new WeightStore(dir.resolve("w.json"));
    store.write(book.standings(), 1);
    book.observe("qwen", Outcome.HIT);

    store.write(book.standings(), 2);

    assertThat(store.read().posteriors().get("qwen").hits()).isEqualTo(1);
  }

  @Test
  void noFileMeansTheConfiguredWeights() {
    WeightStore.Loaded loaded = new WeightStore(dir.resolve("absent.json")).read();

    assertThat(loaded.failed()).isFalse();
    assertThat(loaded.posteriors()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {
      "{ this is not json",
      "{\"format\": \"something-else/9\", \"agents\": {}}",
      "{\"format\": \"trading.coordinator.weights/1\"}",
      "{\"format\": \"trading.coordinator.weights/1\", \"agents\": {\"deepseek\": {\"alpha\": -1, \"beta\": 2, \"hits\": 0, \"misses\": 0}}}",
      "{\"format\": \"trading.coordinator.weights/1\", \"agents\": {\"deepseek\": {\"alpha\": \"many\", \"beta\": 2}}}",
      "{\"format\": \"trading.coordinator.weights/1\", \"agents\": {\"deepseek\": 3}}",
      "{\"format\": \"trading.coordinator.weights/1\", \"agents\": {\"deepseek\": {\"alpha\": 2, \"beta\": 2, "
          + "\"hits\": 0, \"misses\": 0, \"baseOverride\": {\"weight\": -5, \"configuredBase\": 1}}}}"})
  void aCorruptedFileIsReportedAndMovedAsideNeverFatal(String content) throws IOException {
    Path file = dir.resolve("coordinator-weights.json");
    Files.writeString(file, content);

    WeightStore.Loaded loaded = new WeightStore(file).read();

    assertThat(loaded.failed()).isTrue();
    assertThat(loaded.problem()).contains(file.toString()).contains("moved to");
    assertThat(loaded.posteriors()).isEmpty();
    assertThat(file).doesNotExist();
    assertThat(dir.resolve("coordinator-weights.json.corrupt")).hasContent(content);
  }
}
