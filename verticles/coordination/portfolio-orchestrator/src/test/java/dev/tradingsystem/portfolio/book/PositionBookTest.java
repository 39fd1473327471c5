package dev.tradingsystem.portfolio.book;

import static dev.tradingsystem.portfolio.Fixtures.BTC_USD;
import static dev.tradingsystem.portfolio.Fixtures.INITIAL_CAPITAL;
import static dev.tradingsystem.portfolio.Fixtures.px;
import static dev.tradingsystem.portfolio.Fixtures.qty;
import static dev.tradingsystem.portfolio.Fixtures.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.Position;
import dev.tradingsystem.proto.Side;
import org.junit.jupiter.api.Test;

class PositionBookTest {

  @Test
  void cashPaysNotionalAndFeesAndEquityIsCashPlusMarketValue() {
    PositionBook book = new PositionBook(INITIAL_CAPITAL);
    book.applyFill("alpha", BTC_USD, Side.BUY, px("1000.00"), qty("1"), usd("1"));
    book.applyFill("beta", BTC_USD, Side.SELL, px("1000.00"), qty("0.5"), usd("0.25"));
    book.mark("BTC/USD", px("1100.00"));

    assertThat(book.cashMicros()).isEqualTo(usd("99498.75"));
    // long 1 at 1100 (+1100), short 0.5 at 1100 (-550)
    assertThat(book.equityMicros()).isEqualTo(usd("100048.75"));
    assertThat(book.unrealizedMicros()).isEqualTo(usd("100") + usd("-50"));
    assertThat(book.feesMicros()).isEqualTo(usd("1.25"));
    assertThat(book.equityMicros())
        .isEqualTo(INITIAL_CAPITAL + book.realizedMicros() + book.unrealizedMicros() - book.feesMicros());
  }

  @Test
  void positionsAreListedByStrategyThenSymbolAndCanBeFiltered() {
    PositionBook book = new PositionBook(INITIAL_CAPITAL);
    book.applyFill("zeta", BTC_USD, Side.BUY, px("1000.00"), qty("1"), 0);
    book.applyFill("alpha", BTC_USD, Side.BUY, px("1000.00"), qty("1"), 0);

    assertThat(book.positions(null)).extracting(Position::getStrategyId).containsExactly("alpha", "zeta");
    assertThat(book.positions("zeta")).extracting(Position::getStrategyId).containsExactly("zeta");
  }

  @Test
  void aNewPositionStartsAtTheSymbolsLastMark() {
    PositionBook book = new PositionBook(INITIAL_CAPITAL);
    book.mark("BTC/USD", px("990.00"));
    book.applyFill("alpha", BTC_USD, Side.BUY, px("1000.00"), qty("1"), 0);

    assertThat(book.positions("alpha")).singleElement()
        .satisfies(p -> assertThat(p.getUnrealizedPnlMicros()).isEqualTo(usd("-10")));
  }
}
