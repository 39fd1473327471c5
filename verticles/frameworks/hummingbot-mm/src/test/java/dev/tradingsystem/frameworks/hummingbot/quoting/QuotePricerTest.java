package dev.tradingsystem.frameworks.hummingbot.quoting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.tradingsystem.frameworks.hummingbot.Fixtures;
import dev.tradingsystem.proto.Consensus;
import dev.tradingsystem.proto.Direction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Defaults: γ 0.1, κ 1.5, 60 s horizon, 10 bps floor, 5 bps skew per unit of score. At mid 1000 with
 * γσ² = 3 the spread is 3 + 1.29077 = 4.29077 USD, so a flat book quotes 997.85 / 1002.15.
 */
class QuotePricerTest {

  private final QuotePricer pricer = new QuotePricer(new AvellanedaStoikov(0.1, 1.5), 60, 10, 5);

  @ParameterizedTest(name = "inventory {0} BTC -> r {1}, bid {2}, ask {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      inventory | reservation | bid cents | ask cents
      0         | 1000.0      | 99785     | 100215
      0.5       | 998.5       | 99635     | 100065
      -0.5      | 1001.5      | 99935     | 100365
      2         | 994.0       | 99185     | 100050
      -2        | 1006.0      | 99950     | 100815
      """)
  void inventorySkewsBothQuotesAgainstItself(double inventory, double reservation, long bid, long ask) {
    QuotePricer.Plan plan = pricer.price(Fixtures.neutral(1, 1000), inventory);

    assertThat(plan.reservationPrice()).isCloseTo(reservation, within(1e-6));
    assertThat(plan.bid()).isEqualTo(bid);
    assertThat(plan.ask()).isEqualTo(ask);
  }

  @Test
  void longInventoryLowersBothQuotesAndShortRaisesThem() {
    QuotePricer.Plan flat = pricer.price(Fixtures.neutral(1, 1000), 0);
    QuotePricer.Plan longBook = pricer.price(Fixtures.neutral(1, 1000), 0.3);
    QuotePricer.Plan shortBook = pricer.price(Fixtures.neutral(1, 1000), -0.3);

    assertThat(longBook.bid()).isLessThan(flat.bid());
    assertThat(longBook.ask()).isLessThan(flat.ask());
    assertThat(shortBook.bid()).isGreaterThan(flat.bid());
    assertThat(shortBook.ask()).isGreaterThan(flat.ask());
  }

  @ParameterizedTest(name = "consensus {0} score {1} quorum {2} -> r {3}")
  @CsvSource(useHeadersInDisplayName = true, delimiter = '|', textBlock = """
      consensus | score | quorum | reservation
      LONG      | 1.0   | true   | 1000.5
      LONG      | 0.4   | true   | 1000.2
      SHORT     | -1.0  | true   | 999.5
      LONG      | 1.0   | false  | 1000.0
      FLAT      | 0.0   | true   | 1000.0
      """)
  void aQuorumConsensusLeansTheReservationPrice(Direction direction, double score, boolean quorum, double reservation) {
    Consensus consensus = Fixtures.consensus(1, 1000, direction, score, quorum);

    assertThat(pricer.price(consensus, 0).reservationPrice()).isCloseTo(reservation, within(1e-6));
  }

  @Test
  void theSpreadIsFlooredWhenTheModelQuotesTooTight() {
    Consensus calm = Fixtures.consensus(1, 60_000, Direction.FLAT, 0, false).toBuilder()
        .setFeatures(Fixtures.features(1, 60_000, 0, 0)).build();

    QuotePricer.Plan plan = pricer.price(calm, 0);

    assertThat(plan.spread()).isCloseTo(60.0, within(1e-9));
    assertThat(plan.bid()).isEqualTo(5_997_000);
    assertThat(plan.ask()).isEqualTo(6_003_000);
  }

  @Test
  void withoutABookMidTheLastPriceIsTheMid() {
    Consensus noBook = Fixtures.neutral(1, 1000).toBuilder()
        .setFeatures(Fixtures.features(1, 1000, 0.001, 0.5).toBuilder().setMid(0)).build();

    assertThat(pricer.price(noBook, 0).mid()).isEqualTo(1000.0);
  }
}
