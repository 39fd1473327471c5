package dev.tradingsystem.coordinator.consensus.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Weight updates on hand-computed sequences of scored calls (H hit, M miss, N neutral). Prior
 * a0 = b0 = priorStrength / 2; decay = 2^(-1/halfLife); each H or M: alpha' = a0 + decay (alpha -
 * a0) + hit, beta' = b0 + decay (beta - b0) + miss; factor = clamp(2 alpha / (alpha + beta)),
 * weight = base x factor. Example "HHM" with prior 4 and half-life 1 (decay 0.5): (2, 2) ->
 * (3, 2) -> (3.5, 2) -> (2.75, 3), factor 2 x 2.75 / 5.75 = 0.956522.
 */
class WeightBookTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      # case                                    | prior | half-life | min f | max f | base | calls                | alpha    | beta      | factor   | weight
      no results: the configured weight         | 4     | 1         | 0.1   | 2     | 1    |                      | 2        | 2         | 1        | 1
      one hit                                   | 4     | 1         | 0.1   | 2     | 1    | H                    | 3        | 2         | 1.2      | 1.2
      two hits, the first half-forgotten        | 4     | 1         | 0.1   | 2     | 1    | HH                   | 3.5      | 2         | 1.272727 | 1.272727
      a miss after two hits                     | 4     | 1         | 0.1   | 2     | 1    | HHM                  | 2.75     | 3         | 0.956522 | 0.956522
      base weight scales the factor             | 4     | 1         | 0.1   | 2     | 2.5  | M                    | 2        | 3         | 0.8      | 2.0
      a neutral call changes nothing            | 4     | 1         | 0.1   | 2     | 1    | HN                   | 3        | 2         | 1.2      | 1.2
      floor on the factor                       | 4     | 1         | 0.9   | 2     | 1    | M                    | 2        | 3         | 0.9      | 0.9
      cap on the factor                         | 4     | 1         | 0.1   | 1.1   | 1    | H                    | 3        | 2         | 1.1      | 1.1
      weaker prior, half-life 2                 | 2     | 2         | 0.1   | 2     | 1    | HH                   | 2.707107 | 1         | 1.460496 | 1.460496
      fast forgetting bounds the evidence       | 4     | 1         | 0     | 2     | 1    | MMMMMMMMMMMMMMMMMMMM | 2        | 3.999998  | 0.666667 | 0.666667
      slow forgetting convicts a bad agent      | 4     | 1000      | 0.1   | 2     | 1    | MMMMMMMMMMMMMMMMMMMM | 2        | 21.868893 | 0.167582 | 0.167582
      """)
  void learns(String name, double prior, double halfLife, double minFactor, double maxFactor, double base, String calls,
              double alpha, double beta, double factor, double weight) {
    WeightBook book = new WeightBook(Map.of("deepseek", base), 1.0,
        new LearningParams(prior, halfLife, minFactor, maxFactor, 1, 60_000, 100));

    for (char call : (calls == null ? "" : calls).toCharArray()) {
      book.observe("deepseek", call == 'H' ? Outcome.HIT : call == 'M' ? Outcome.MISS : Outcome.NEUTRAL);
    }

    Standing standing = book.standing("deepseek");
    assertThat(standing.posterior().alpha()).as("alpha").isCloseTo(alpha, within(1e-6));
    assertThat(standing.posterior().beta()).as("beta").isCloseTo(beta, within(1e-6));
    assertThat(standing.factor()).as("factor").isCloseTo(factor, within(1e-6));
    assertThat(standing.weight()).as("weight").isCloseTo(weight, within(1e-6));
    assertThat(book.weight("deepseek")).isEqualTo(standing.weight());
    String raw = calls == null ? "" : calls;
    assertThat(standing.posterior().hits()).isEqualTo(raw.chars().filter(c -> c == 'H').count());
    assertThat(standing.posterior().misses()).isEqualTo(raw.chars().filter(c -> c == 'M').count());
  }

  @Test
  void restoreReplacesKnownAgentsAndReportsTheOthers() {
    Map<String, Double> base = new LinkedHashMap<>();
    base.put("deepseek", 1.0);
    base.put("qwen", 2.0);
    WeightBook book = new WeightBook(base, 1.0, new LearningParams(4, 50, 0.1, 2, 1, 60_000, 100));

    var unknown = book.restore(Map.of("qwen", new Posterior(6, 2, 4, 0), "retired", new Posterior(1, 1, 0, 0)));

    assertThat(unknown).containsExactly("retired");
    assertThat(book.weight("qwen")).isCloseTo(2.0 * 1.5, within(1e-12));
    assertThat(book.weight("deepseek")).isEqualTo(1.0);
    assertThat(book.snapshot().asMap()).containsEntry("qwen", 3.0).containsEntry("deepseek", 1.0);
    assertThat(book.standings()).extracting(Standing::agent).containsExactly("deepseek", "qwen");
  }

  @Test
  void anOperatorBaseWeightKeepsTheLearnedFactorAndSurvivesOnlyAnUnchangedConfiguration() {
    Map<String, Double> base = new LinkedHashMap<>();
    base.put("deepseek", 1.0);
    base.put("qwen", 2.0);
    LearningParams params = new LearningParams(4, 1, 0.1, 2, 1, 60_000, 100);
    WeightBook book = new WeightBook(base, 1.0, params);
    book.observe("qwen", Outcome.HIT);

    Standing set = book.overrideBase("qwen", 0.5);

    // Factor 1.2 (one hit, prior 4, half-life 1) times the new base 0.5.
    assertThat(set.weight()).isCloseTo(0.6, within(1e-12));
    assertThat(book.snapshot().asMap()).containsEntry("qwen", 0.6);
    assertThat(book.overrides()).containsExactly(Map.entry("qwen", new BaseOverride(0.5, 2.0)));
    assertThat(book.configuredBase("qwen")).isEqualTo(2.0);

    WeightBook sameConfig = new WeightBook(base, 1.0, params);
    WeightBook editedConfig = new WeightBook(Map.of("deepseek", 1.0, "qwen", 3.0), 1.0, params);
    assertThat(sameConfig.restoreOverrides(book.overrides())).isEmpty();
    assertThat(sameConfig.standing("qwen").baseWeight()).isEqualTo(0.5);
    assertThat(editedConfig.restoreOverrides(book.overrides())).containsExactly("qwen");
    assertThat(editedConfig.standing("qwen").baseWeight()).isEqualTo(3.0);

    book.overrideBase("qwen", 2.0);
    assertThat(book.overrides()).as("the configured value back is no override").isEmpty();
    assertThatThrownBy(() -> book.overrideBase("nobody", 1)).hasMessageContaining("nobody");
    assertThatThrownBy(() -> book.overrideBase("qwen", Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> book.overrideBase("qwen", -0.1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void badParametersAndPosteriorsAreRefused() {
    assertThatThrownBy(() -> new LearningParams(0, 50, 0.1, 2, 1, 60_000, 100)).hasMessageContaining("priorStrength");
    assertThatThrownBy(() -> new LearningParams(4, 50, 0.1, 3, 1, 60_000, 100)).hasMessageContaining("maxFactor");
    assertThatThrownBy(() -> new Posterior(Double.NaN, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new WeightBook(Map.of("x", -1.0), 1, new LearningParams(4, 50, 0.1, 2, 1, 60_000, 100)))
        .hasMessageContaining("x");
  }
}
