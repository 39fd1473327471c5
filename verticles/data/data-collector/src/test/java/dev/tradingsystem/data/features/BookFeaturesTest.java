package dev.tradingsystem.data.features;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BookFeaturesTest {

  /**
   * Books as a trader writes them: bids and asks as "price@size" best first, prices in cents.
   * Expected values: top-level imbalance, top-3 imbalance, microprice, spread in bps.
   */
  @ParameterizedTest(name = "{0} | {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # bids                         | asks                          | imbalance | top-3  | microprice | spread bps
      10000@3 9999@1 9998@1            | 10002@1 10003@1 10004@3       | 0.5       | 0      | 100.015    | 1.99980002
      10000@1                          | 10002@1                       | 0         | 0      | 100.01     | 1.99980002
      10000@1 9999@9                   | 10010@4 10011@1               | -0.6      | 0.3333 | 100.02     | 9.99500250
      """)
  void topOfBookFeatures(String bids, String asks, double imbalance, double topN, double microprice, double spreadBps) {
    BookFeatures features = new BookFeatures(3, 100);

    assertThat(features.update(TestBook.of(bids, asks))).isTrue();

    assertThat(features.imbalance()).isCloseTo(imbalance, within(1e-12));
    assertThat(features.imbalanceTopN()).isCloseTo(topN, within(1e-4));
    assertThat(features.microprice()).isCloseTo(microprice, within(1e-9));
    assertThat(features.spreadBps()).isCloseTo(spreadBps, within(1e-6));
    assertThat(features.mid()).isCloseTo((features.bestBid() + features.bestAsk()) / 2, within(1e-12));
  }

  @ParameterizedTest(name = "unusable: {0} | {1}")
  @CsvSource(delimiter = '|', textBlock = """
      # bids     | asks
      ''         | 10002@1
      10000@1    | ''
      10005@1    | 10002@1
      """)
  void oneSidedOrCrossedBooksKeepThePreviousValues(String bids, String asks) {
    BookFeatures features = new BookFeatures(3, 100);
    features.update(TestBook.of("10000@1", "10002@3"));

    assertThat(features.update(TestBook.of(bids, asks))).isFalse();

    assertThat(features.valid()).isFalse();
    assertThat(features.bestBid()).isEqualTo(100.00);
    assertThat(features.bestAsk()).isEqualTo(100.02);
  }
}
