package dev.tradingsystem.benchmarks;

import dev.tradingsystem.shared.money.FixedPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The bundled Bitstamp BTC/USD trades as parallel arrays in fixed point (price scale 2, size
 * scale 8), loaded once per benchmark trial so reading the file is not measured. Rows of zero
 * size (18 of 100,000) are dropped, as the data-collector's validator rejects them.
 */
final class BundledTrades {

  static final String RESOURCE = "bitstamp_trades_from_20131125_usd.csv";

  final long[] timeUs;
  final long[] price;
  final long[] size;
  /** Event time covered, used to shift later laps forward so time never runs backwards. */
  final long spanUs;

  private BundledTrades(long[] timeUs, long[] price, long[] size) {
    this.timeUs = timeUs;
    this.price = price;
    this.size = size;
    this.spanUs = timeUs[timeUs.length - 1] - timeUs[0] + 1_000_000L;
  }

  int count() {
    return timeUs.length;
  }

  static BundledTrades load() {
    long[] time = new long[100_000];
    long[] price = new long[100_000];
    long[] size = new long[100_000];
    int n = 0;
    try (InputStream in = BundledTrades.class.getClassLoader().getResourceAsStream(RESOURCE);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line; (line = reader.readLine()) != null; ) {
        String[] f = line.split(",");
        long units = FixedPoint.toUnits(Double.parseDouble(f[2]), 8);
        if (units <= 0) {
          continue;
        }
        if (n == time.length) {
          time = Arrays.copyOf(time, n * 2);
          price = Arrays.copyOf(price, n * 2);
          size = Arrays.copyOf(size, n * 2);
        }
        time[n] = Long.parseLong(f[0]) * 1_000_000L;
        price[n] = FixedPoint.toUnits(Double.parseDouble(f[1]), 2);
        size[n] = units;
        n++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BundledTrades(Arrays.copyOf(time, n), Arrays.copyOf(price, n), Arrays.copyOf(size, n));
  }
}
