package dev.tradingsystem.data.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tradingsystem.proto.BookDelta;
import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Quote;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.proto.Trade;
import dev.tradingsystem.shared.config.ConfigReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoinbaseFrameParserTest {

  private final CoinbaseFrameParser parser = new CoinbaseFrameParser(
      LiveConfig.from(ConfigReader.of(TestConfig.of("live.venues", "coinbase"))).coinbase());

  @Test
  void l2SnapshotBecomesABestFirstBookSnapshot() {
    CoinbaseFrameParser.Parsed parsed = parser.parse(CoinbaseFrames.l2Snapshot(7));
    assertThat(parsed.sequence()).isEqualTo(7);
    assertThat(parsed.messages()).singleElement().isInstanceOfSatisfying(BookSnapshot.class, snapshot -> {
      assertThat(snapshot.getInstrument().getSymbol()).isEqualTo("BTC/USD");
      assertThat(snapshot.getInstrument().getVenue()).isEqualTo("coinbase");
      assertThat(snapshot.getBidsList()).extracting(l -> l.getPrice()).containsExactly(2_192_174L, 2_192_173L);
      assertThat(snapshot.getAsks(0).getSize()).isEqualTo(120_000_000L);
      assertThat(snapshot.getMeta().getEventTimeUs()).isEqualTo(1_675_974_770_714_964L);
    });
  }

  @Test
  void l2UpdateWithZeroQuantityRemovesTheLevel() {
    CoinbaseFrameParser.Parsed parsed = parser.parse(CoinbaseFrames.l2Update(8, "21921.73", "0"));
    assertThat(parsed.messages()).singleElement().isInstanceOfSatisfying(BookDelta.class, delta -> {
      assertThat(delta.getBids(0).getPrice()).isEqualTo(2_192_173L);
      assertThat(delta.getBids(0).getSize()).isZero();
      assertThat(delta.getFirstUpdateId()).isEqualTo(8);
    });
  }

  @Test
  void marketTradesAndTickers() {
    assertThat(parser.parse(CoinbaseFrames.trade(3, "631", "21932.98", "0.25", "SELL")).messages())
        .singleElement().isInstanceOfSatisfying(Trade.class, trade -> {
          assertThat(trade.getPrice()).isEqualTo(2_193_298L);
          assertThat(trade.getSize()).isEqualTo(25_000_000L);
          assertThat(trade.getAggressor()).isEqualTo(Side.SELL);
          assertThat(trade.getTradeId()).isEqualTo("631");
          assertThat(trade.getMeta().getEventTimeUs()).isEqualTo(1_565_815_347_265_000L);
        });
    assertThat(parser.parse(CoinbaseFrames.ticker(4)).messages())
        .singleElement().isInstanceOfSatisfying(Quote.class, quote -> {
          assertThat(quote.getBidPrice()).isEqualTo(2_193_297L);
          assertThat(quote.getAskSize()).isEqualTo(500_000L);
          assertThat(quote.getUpdateId()).isEqualTo(4);
        });
  }

  @Test
  void historyAndLivenessFramesCarryNoMarketData() {
    assertThat(parser.parse(CoinbaseFrames.tradeSnapshot(1)).messages()).isEmpty();
    assertThat(parser.parse(CoinbaseFrames.heartbeat(2)).messages()).isEmpty();
    CoinbaseFrameParser.Parsed ack = parser.parse(CoinbaseFrames.subscriptions(0));
    assertThat(ack.rejected()).isFalse();
    assertThat(ack.sequence()).isZero();
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "not JSON        | {\"channel\":                                                                  | malformed_frame",
      "no sequence     | {\"channel\":\"ticker\",\"timestamp\":\"2022-10-19T23:28:22Z\",\"events\":[]}  | malformed_frame",
      "bad timestamp   | {\"channel\":\"ticker\",\"timestamp\":\"yesterday\",\"sequence_num\":1,\"events\":[]} | unparseable",
      "unknown product | {\"channel\":\"ticker\",\"timestamp\":\"2022-10-19T23:28:22Z\",\"sequence_num\":1,\"events\":[{\"tickers\":[{\"product_id\":\"DOGE-USD\"}]}]} | unknown_symbol",
      "bad side        | {\"channel\":\"l2_data\",\"timestamp\":\"2022-10-19T23:28:22Z\",\"sequence_num\":1,\"events\":[{\"type\":\"update\",\"product_id\":\"BTC-USD\",\"updates\":[{\"side\":\"up\",\"price_level\":\"1\",\"new_quantity\":\"1\"}]}]} | malformed_frame",
      "venue error     | {\"type\":\"error\",\"message\":\"failure to subscribe\"}                      | venue_error",
  })
  void rejectsMalformedFrames(String what, String frame, String reason) {
    CoinbaseFrameParser.Parsed parsed = parser.parse(frame.trim());
    assertThat(parsed.rejected()).isTrue();
    assertThat(parsed.reason().code()).isEqualTo(reason);
    assertThat(parsed.messages()).isEmpty();
  }

  @Test
  void productIdsFromCcxtSymbols() {
    assertThat(CoinbaseFrameParser.productId("BTC/USD")).isEqualTo("BTC-USD");
  }
}
