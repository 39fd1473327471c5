package dev.tradingsystem.data.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.proto.BookSnapshot;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.config.ConfigReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BinanceFrameParserTest {

  private static final LiveConfig CONFIG = LiveConfig.from(ConfigReader.of(TestConfig.of()));
  private final BinanceFrameParser parser = new BinanceFrameParser(CONFIG.binance(), () -> 42L);
  private final ParsedFrames out = new ParsedFrames();

  @Test
  void readsRealTradeFrames() {
    // Lines 4 of the 2024-08-08 BTCUSDT capture: m=true, the buyer was the maker, so a seller hit the bid.
    parser.parseStream("{\"stream\":\"btcusdt@trade\",\"data\":{\"e\":\"trade\",\"E\":1723161255343,\"s\":\"BTCUSDT\","
        + "\"t\":3735683259,\"p\":\"61837.63000000\",\"q\":\"0.02000000\",\"T\":1723161255342,\"m\":true,\"M\":true}}", out);
    assertThat(out.rejected).isEmpty();
    assertThat(out.trades).singleElement().satisfies(trade -> {
      assertThat(trade.getInstrument().getSymbol()).isEqualTo("BTC/USDT");
      assertThat(trade.getInstrument().getVenue()).isEqualTo("binance");
      assertThat(trade.getPrice()).isEqualTo(6_183_763L);
      assertThat(trade.getSize()).isEqualTo(2_000_000L);
      assertThat(trade.getAggressor()).isEqualTo(Side.SELL);
      assertThat(trade.getTradeId()).isEqualTo("3735683259");
      assertThat(trade.getMeta().getEventTimeUs()).isEqualTo(1_723_161_255_342_000L);
    });
  }

  @Test
  void readsEveryFrameOfTheCaptureHead() {
    BinanceCapture capture = BinanceCapture.head(2000);
    capture.frames().forEach(frame -> parser.parseStream(frame, out));
    assertThat(out.rejected).isEmpty();
    assertThat(out.trades).hasSize(capture.ofKind("trade").size()).isNotEmpty();
    assertThat(out.quotes).hasSize(capture.ofKind("bookTicker").size()).isNotEmpty();
    assertThat(out.deltas).hasSize(capture.ofKind("depth").size()).isNotEmpty();
    assertThat(out.quotes).allSatisfy(q -> {
      assertThat(q.getBidPrice()).isLessThan(q.getAskPrice());
      assertThat(q.getMeta().getEventTimeUs()).as("spot bookTicker has no time: receive time").isEqualTo(42L);
    });
    assertThat(out.deltas.get(0).getFirstUpdateId()).isEqualTo(50_093_239_189L);
    assertThat(out.deltas.get(0).getLastUpdateId()).isEqualTo(50_093_239_202L);
  }

  @Test
  void readsTheRealRestSnapshot() {
    BookSnapshot snapshot = parser.snapshot("BTC/USDT", BinanceCapture.head(20).snapshot());
    assertThat(snapshot.getLastUpdateId()).isEqualTo(50_093_239_218L);
    assertThat(snapshot.getBids(0).getPrice()).isEqualTo(6_183_763L);
    assertThat(snapshot.getBids(0).getSize()).isEqualTo(378_826_000L);
    assertThat(snapshot.getBidsCount()).isGreaterThan(100);
    assertThat(snapshot.getAsks(0).getPrice()).isGreaterThan(snapshot.getBids(0).getPrice());
  }

  @ParameterizedTest(name = "{0} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "not JSON           | ]]garbage                                                                      | malformed_frame",
      "JSON array         | [1,2]                                                                          | malformed_frame",
      "no data            | {\"stream\":\"btcusdt@trade\"}                                                 | malformed_frame",
      "unknown symbol     | {\"stream\":\"dogeusdt@trade\",\"data\":{}}                                    | unknown_symbol",
      "text price         | {\"stream\":\"btcusdt@trade\",\"data\":{\"t\":1,\"p\":\"abc\",\"q\":\"1\",\"T\":1,\"m\":true}} | unparseable",
      "sub-cent price     | {\"stream\":\"btcusdt@trade\",\"data\":{\"t\":1,\"p\":\"1.001\",\"q\":\"1\",\"T\":1,\"m\":true}} | excess_precision",
      "zero price         | {\"stream\":\"btcusdt@trade\",\"data\":{\"t\":1,\"p\":\"0\",\"q\":\"1\",\"T\":1,\"m\":true}} | non_positive_price",
      "zero trade size    | {\"stream\":\"btcusdt@trade\",\"data\":{\"t\":1,\"p\":\"1\",\"q\":\"0\",\"T\":1,\"m\":true}} | non_positive_size",
      "no maker flag      | {\"stream\":\"btcusdt@trade\",\"data\":{\"t\":1,\"p\":\"1\",\"q\":\"1\",\"T\":1}} | malformed_frame",
      "negative book size | {\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"E\":1,\"U\":1,\"u\":2,\"b\":[[\"1.00\",\"-1\"]],\"a\":[]}} | negative_size",
      "short level        | {\"stream\":\"btcusdt@depth@100ms\",\"data\":{\"E\":1,\"U\":1,\"u\":2,\"b\":[[\"1.00\"]],\"a\":[]}} | malformed_frame",
      "venue error        | {\"error\":{\"code\":2,\"msg\":\"Invalid request\"},\"id\":1}                  | venue_error",
  })
  void rejectsMalformedFramesWithAReason(String what, String frame, String reason) {
    parser.parseStream(frame.trim(), out);
    assertThat(out.rejected).extracting(LiveRejectReason::code).containsExactly(reason);
    assertThat(out.trades).isEmpty();
    assertThat(out.deltas).isEmpty();
  }

  @Test
  void ignoresSubscriptionAcknowledgements() {
    parser.parseStream("{\"result\":null,\"id\":1}", out);
    assertThat(out.rejected).isEmpty();
  }

  @Test
  void anUnusableSnapshotThrowsWithAReason() {
    assertThatThrownBy(() -> parser.snapshot("BTC/USDT", "{\"bids\":[],\"asks\":[]}"))
        .isInstanceOfSatisfying(FrameException.class,
            e -> assertThat(e.reason()).isEqualTo(LiveRejectReason.MALFORMED_FRAME));
  }

  @Test
  void namesStreamsAndRestSymbolsFromCcxtSymbols() {
    assertThat(BinanceFrameParser.streamSymbol("BTC/USDT")).isEqualTo("btcusdt");
    assertThat(BinanceFrameParser.restSymbol("BTC/USDT")).isEqualTo("BTCUSDT");
  }
}
