package dev.tradingsystem.data.features;

import dev.tradingsystem.shared.money.FixedPoint;
import dev.tradingsystem.shared.testing.SharedDataLocator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Real market data for indicator tests: the bundled Bitstamp trades and shared OHLCV bar files. */
final class RealBars {

  /** One trade in fixed point (price scale 2, size scale 8). */
  record Trade(long eventTimeUs, long price, long size) {
  }

  static final String BITSTAMP = "bitstamp_trades_from_20131125_usd.csv";
  static final String BTC_PERP_1M = "data/ohlcv/nautilus_lgpl3/btc-perp-20211231-20220201_1m.csv";

  private static List<Trade> bitstamp;

  private RealBars() {
  }

  /** The 100,000 Bitstamp BTC/USD trades of 2013-11-25..12-01, read once. */
  static synchronized List<Trade> bitstampTrades() {
    if (bitstamp == null) {
      List<Trade> trades = new ArrayList<>(100_000);
      try (InputStream in = RealBars.class.getClassLoader().getResourceAsStream(BITSTAMP);
          BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        reader.readLine();
        for (String line; (line = reader.readLine()) != null; ) {
          String[] f = line.split(",");
          long price = FixedPoint.toUnits(Double.parseDouble(f[1]), 2);
          long size = FixedPoint.toUnits(Double.parseDouble(f[2]), 8);
          if (size > 0) {
            trades.add(new Trade(Long.parseLong(f[0]) * 1_000_000L, price, size));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bitstamp = List.copyOf(trades);
    }
    return bitstamp;
  }

  /**
   * The first {@code limit} one-minute BTC perpetual bars of the shared file, prices at scale 2
   * (the file quotes cents at most). Skips the test when the shared data is absent.
   */
  static List<CandleAggregator.Bar> btcPerpMinuteBars(int limit) {
    DateTimeFormatter format = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    List<CandleAggregator.Bar> bars = new ArrayList<>(limit);
    try (BufferedReader reader = Files.newBufferedReader(SharedDataLocator.require(BTC_PERP_1M))) {
      reader.readLine();
      for (String line; bars.size() < limit && (line = reader.readLine()) != null; ) {
        String[] f = line.split(",");
        long openUs = LocalDateTime.parse(f[0], format).toEpochSecond(ZoneOffset.UTC) * 1_000_000L;
        bars.add(new CandleAggregator.Bar(openUs, FixedPoint.parseUnits(f[1], 2), FixedPoint.parseUnits(f[2], 2),
            FixedPoint.parseUnits(f[3], 2), FixedPoint.parseUnits(f[4], 2), 0, 1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bars;
  }
}
