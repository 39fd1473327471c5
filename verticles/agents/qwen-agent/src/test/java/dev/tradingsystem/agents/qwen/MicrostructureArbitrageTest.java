package dev.tradingsystem.agents.qwen;

import static dev.tradingsystem.agents.qwen.DislocationScannerTest.SECOND;
import static dev.tradingsystem.agents.qwen.DislocationScannerTest.T;
import static dev.tradingsystem.agents.qwen.DislocationScannerTest.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.money.Instruments;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A dislocation as evidence of the microstructure model, on top of trade flow (no book features). */
class MicrostructureArbitrageTest {

  /** BTC/USD features of one venue at an event time; trade flow only. */
  static AnalyzeRequest features(String venue, double flow, long eventTimeUs) {
    Meta meta = Meta.newBuilder().setId("md-1").setSeq(1).setEventTimeUs(eventTimeUs).build();
    return AnalyzeRequest.newBuilder().setMeta(meta).setFeatures(FeatureVector.newBuilder().setMeta(meta)
        .setInstrument(Instruments.BITSTAMP_BTC_USD.toBuilder().setVenue(venue))
        .setPrice(100).setMid(100).setSpreadBps(10).setTradeRate(1).setTradeFlowImbalance(flow)).build();
  }

  /**
   * alpha asks 100.00, beta bids 100.50, 10 bps each: a 29.91 bps edge buying on alpha. Its
   * evidence is tanh(29.91 / 5) = 0.99998, times the weight 0.5: score 0.49999 alone, above the
   * 0.45 threshold. Confidence weighs flow (0.6) and arbitrage (0.5): arbitrage alone agrees 0.5 / 1.1.
   * With sellers on alpha's tape (flow -0.6) the score is -0.36 + 0.49999 = 0.14: FLAT.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      cheap here, quiet tape        | alpha |  0.0 | 0 | LONG  |  0.49999 | 0.45455 | true
      dear here, quiet tape         | beta  |  0.0 | 0 | SHORT | -0.49999 | 0.45455 | true
      cheap here, buyers agree      | alpha |  0.6 | 0 | LONG  |  0.85999 | 1.00000 | true
      cheap here, sellers disagree  | alpha | -0.6 | 0 | FLAT  |  0.13999 | 0       | true
      venue with no quote           | gamma |  0.0 | 0 | FLAT  |  0.00000 | 0       | false
      quotes 2 s old: stale         | alpha |  0.0 | 2 | FLAT  |  0.00000 | 0       | false
      """)
  void aDislocationLeansTheCheapVenueLong(String scenario, String venue, double flow, long secondsLater,
      Direction direction, double score, double confidence, boolean arbInRationale) {
    QuoteBoard board = new QuoteBoard(8);
    board.accept(quote("alpha", "BTC/USD", 99.90, 100.00, T - 100_000));
    board.accept(quote("beta", "BTC/USD", 100.50, 100.60, T - 50_000));
    MicrostructureModel model = new MicrostructureModel(MicrostructureConfig.defaults(),
        new DislocationScanner(board, FeeSchedule.flat(10), SECOND));

    AgentOpinion opinion = model.analyze(features(venue, flow, T + secondsLater * SECOND));

    assertThat(opinion.direction()).isEqualTo(direction);
    assertThat(opinion.rationale()).contains(String.format(Locale.ROOT, "score=%.3f", score));
    if (direction != Direction.FLAT) {
      assertThat(opinion.strength()).isCloseTo(Math.abs(score), within(1e-5));
      assertThat(opinion.confidence()).isCloseTo(confidence, within(1e-5));
    }
    if (arbInRationale) {
      assertThat(opinion.rationale())
          .contains("arb=[cross-venue buy BTC/USD@alpha 100.0 > sell BTC/USD@beta 100.5] edge=29.91bps");
    } else {
      assertThat(opinion.rationale()).doesNotContain("arb=");
    }
  }
}
