package dev.tradingsystem.agents.qwen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Arbitrage edges, hand-computed. Every leg keeps {@code 1 - fee}: with 10 bps on both venues a
 * cross-venue round trip keeps 0.999 * 0.999 = 0.998001 of the gross ratio, a triangle keeps
 * 0.999^3 = 0.997002999.
 */
class DislocationScannerTest {

  static final long T = 1_700_000_000_000_000L;
  static final long SECOND = 1_000_000L;
  static final long MAX_AGE = SECOND;

  static VenueQuote quote(String venue, String symbol, double bid, double ask, long timeUs) {
    return new VenueQuote(venue, symbol, bid, 1.0, ask, 1.0, timeUs);
  }

  private static DislocationScanner scanner(QuoteBoard board, FeeSchedule fees) {
    return new DislocationScanner(board, fees, MAX_AGE);
  }

  /**
   * Buy BTC/USD on alpha at its ask, sell on beta at its bid:
   * edge = bid_beta / ask_alpha * (1 - fee_alpha) * (1 - fee_beta) - 1.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      gap well above both fees        | 100.00 | 100.50 | 10 | 10 | 29.910050
      no fees: the gross gap          | 100.00 | 100.50 |  0 |  0 | 50.000000
      dearer buy venue eats half      | 100.00 | 100.50 | 25 | 10 | 14.850125
      gap just clears the fees        | 100.00 | 100.21 | 10 | 10 |  0.968021
      gap smaller than the fees       | 100.00 | 100.15 | 10 | 10 | none
      gap equal to nothing            | 100.00 |  99.90 |  0 |  0 | none
      """)
  void crossVenueEdgesAreNetOfBothTakerFees(String scenario, double askAlpha, double bidBeta, double feeAlpha,
      double feeBeta, Double edgeBps) {
    QuoteBoard board = new QuoteBoard(8);
    board.accept(quote("alpha", "BTC/USD", askAlpha - 0.10, askAlpha, T));
    board.accept(quote("beta", "BTC/USD", bidBeta, bidBeta + 0.10, T));
    FeeSchedule fees = new FeeSchedule(Map.of("alpha", feeAlpha, "beta", feeBeta), 99);

    List<Dislocation> found = scanner(board, fees).crossVenue("BTC/USD", T);

    if (edgeBps == null) {
      assertThat(found).isEmpty();
      return;
    }
    assertThat(found).hasSize(1);
    Dislocation d = found.get(0);
    assertThat(d.kind()).isEqualTo(Dislocation.Kind.CROSS_VENUE);
    assertThat(d.edgeBps()).isCloseTo(edgeBps, within(1e-6));
    assertThat(d.describe()).isEqualTo("cross-venue buy BTC/USD@alpha " + askAlpha + " > sell BTC/USD@beta " + bidBeta);
    assertThat(d.lean("alpha", "BTC/USD")).isEqualTo(1);
    assertThat(d.lean("beta", "BTC/USD")).isEqualTo(-1);
    assertThat(d.lean("alpha", "ETH/USD")).isZero();
  }

  /**
   * Three symbols on one venue, 10 bps each unless stated. Forward: USDT -> BTC (buy at 50,000)
   * -> ETH (buy ETH/BTC at 0.05) -> USDT (sell at 2,510): 2510 / 50000 / 0.05 = 1.004 gross,
   * times 0.997002999 = 1.000991011, 9.91011 bps. Reverse: USDT -> ETH (buy at 2,490) -> BTC
   * (sell ETH/BTC at 0.05) -> USDT (sell at 49,990): 0.05 * 49990 / 2490 = 1.003815261 gross,
   * times 0.997002999 = 1.000806826, 8.06826 bps net.
   */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', nullValues = "none", textBlock = """
      forward cycle         | 49990 | 50000 | 0.0499 | 0.0500 | 2510 | 2511 | 10 | 9.910110 | buy BTC/USDT@v 50000.0 > buy ETH/BTC@v 0.05 > sell ETH/USDT@v 2510.0
      forward, no fees      | 49990 | 50000 | 0.0499 | 0.0500 | 2510 | 2511 |  0 | 40.00000 | buy BTC/USDT@v 50000.0 > buy ETH/BTC@v 0.05 > sell ETH/USDT@v 2510.0
      forward, fees eat it  | 49990 | 50000 | 0.0499 | 0.0500 | 2510 | 2511 | 14 | none     | none
      reverse cycle         | 49990 | 50000 | 0.0500 | 0.0501 | 2489 | 2490 | 10 | 8.068257 | buy ETH/USDT@v 2490.0 > sell ETH/BTC@v 0.05 > sell BTC/USDT@v 49990.0
      consistent cross rate | 49990 | 50000 | 0.0499 | 0.0501 | 2495 | 2505 |  0 | none     | none
      """)
  void triangularCyclesUseExecutablePricesAndThreeFees(String scenario, double btcBid, double btcAsk,
      double ethBtcBid, double ethBtcAsk, double ethBid, double ethAsk, double feeBps, Double edgeBps, String legs) {
    QuoteBoard board = new QuoteBoard(8);
    board.accept(quote("v", "BTC/USDT", btcBid, btcAsk, T));
    board.accept(quote("v", "ETH/BTC", ethBtcBid, ethBtcAsk, T));
    board.accept(quote("v", "ETH/USDT", ethBid, ethAsk, T));

    List<Dislocation> found = scanner(board, FeeSchedule.flat(feeBps)).triangular("v", T);

    if (edgeBps == null) {
      assertThat(found).isEmpty();
      return;
    }
    // One cycle, not one per currency it could start from.
    assertThat(found).hasSize(1);
    assertThat(found.get(0).kind()).isEqualTo(Dislocation.Kind.TRIANGULAR);
    assertThat(found.get(0).edgeBps()).isCloseTo(edgeBps, within(1e-5));
    assertThat(found.get(0).describe()).isEqualTo("triangular " + legs);
  }

  @Test
  void aTriangleLeansEachSymbolByTheWayTheCycleTradesIt() {
    QuoteBoard board = new QuoteBoard(8);
    board.accept(quote("v", "BTC/USDT", 49990, 50000, T));
    board.accept(quote("v", "ETH/BTC", 0.0499, 0.0500, T));
    board.accept(quote("v", "ETH/USDT", 2510, 2511, T));
    DislocationScanner scanner = scanner(board, FeeSchedule.flat(10));

    // The forward cycle buys BTC/USDT and ETH/BTC and sells ETH/USDT: ETH/USDT is dear.
    assertThat(scanner.best("v", "ETH/USDT", T)).hasValueSatisfying(d -> {
      assertThat(d.edgeBps()).isCloseTo(9.910110, within(1e-5));
      assertThat(d.lean("v", "ETH/USDT")).isEqualTo(-1);
    });
    assertThat(scanner.best("v", "ETH/BTC", T)).hasValueSatisfying(d -> assertThat(d.lean("v", "ETH/BTC")).isEqualTo(1));
    assertThat(scanner.best("w", "ETH/USDT", T)).isEmpty();
  }

  @Test
  void staleAndFutureQuotesDoNotCount() {
    QuoteBoard board = new QuoteBoard(8);
    board.accept(quote("alpha", "BTC/USD", 99.9, 100.0, T - 2 * SECOND));
    board.accept(quote("beta", "BTC/USD", 100.5, 100.6, T));
    DislocationScanner scanner = scanner(board, FeeSchedule.flat(10));

    // alpha's quote is 2 s old at T with a 1 s limit; exactly 1 s old it still counts.
    assertThat(scanner.crossVenue("BTC/USD", T)).isEmpty();
    assertThat(scanner.crossVenue("BTC/USD", T - SECOND)).isEmpty();
    board.accept(quote("alpha", "BTC/USD", 99.9, 100.0, T - SECOND));
    assertThat(scanner.crossVenue("BTC/USD", T)).hasSize(1);

    // A quote stamped after the question's time has not happened yet for it: the same question
    // asked again, after a later quote arrived, gets the same answer.
    board.accept(quote("beta", "BTC/USD", 99.0, 99.1, T + 1));
    assertThat(scanner.crossVenue("BTC/USD", T)).singleElement()
        .satisfies(d -> assertThat(d.edgeBps()).isCloseTo(29.910050, within(1e-6)));
    assertThat(scanner.crossVenue("BTC/USD", T + 1)).isEmpty();
  }

  @Test
  void theLargestEdgeInvolvingTheVenueWins() {
    QuoteBoard board = new QuoteBoard(8);
    board.accept(quote("alpha", "BTC/USD", 99.9, 100.0, T));
    board.accept(quote("beta", "BTC/USD", 100.5, 100.6, T));
    board.accept(quote("gamma", "BTC/USD", 100.8, 100.9, T));
    DislocationScanner scanner = scanner(board, FeeSchedule.flat(0));

    // Fees 0. alpha -> gamma (80 bps) beats alpha -> beta (50 bps). beta is in two: sold to from
    // alpha (50 bps, beta is dear) and bought for gamma (100.8 / 100.6, 19.88 bps): dear wins.
    assertThat(scanner.best("alpha", "BTC/USD", T)).hasValueSatisfying(
        d -> assertThat(d.edgeBps()).isCloseTo(80.0, within(1e-6)));
    assertThat(scanner.best("beta", "BTC/USD", T)).hasValueSatisfying(d -> {
      assertThat(d.edgeBps()).isCloseTo(50.0, within(1e-6));
      assertThat(d.lean("beta", "BTC/USD")).isEqualTo(-1);
    });
    assertThat(scanner.best("gamma", "BTC/USD", T)).hasValueSatisfying(
        d -> assertThat(d.lean("gamma", "BTC/USD")).isEqualTo(-1));
    assertThat(scanner.crossVenue("BTC/USD", T)).extracting(Dislocation::edgeBps)
        .isSortedAccordingTo((a, b) -> Double.compare(b, a)).hasSize(3);
  }
}
