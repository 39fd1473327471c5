package dev.tradingsystem.data.live;

import dev.tradingsystem.shared.testing.SharedDataLocator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The head of a real Binance spot BTCUSDT capture (hftbacktest, 2024-08-08): combined-stream
 * frames exactly as Binance sent them, and the REST depth snapshot taken while they streamed.
 * Lines are {@code <local ns> <json>}; the snapshot line has no {@code stream} key.
 */
public record BinanceCapture(List<String> frames, String snapshot) {

  public static final String FILE = "data/orderbook/hftbacktest/spot/btcusdt_20240808.gz";

  public static BinanceCapture head(int lines) {
    Path file = SharedDataLocator.require(FILE);
    List<String> frames = new ArrayList<>();
    String snapshot = null;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(file)), StandardCharsets.UTF_8))) {
      String line;
      while (frames.size() + (snapshot == null ? 0 : 1) < lines && (line = in.readLine()) != null) {
        String json = line.substring(line.indexOf(' ') + 1);
        if (json.startsWith("{\"stream\"")) {
          frames.add(json);
        } else {
          snapshot = json;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BinanceCapture(List.copyOf(frames), snapshot);
  }

  public List<String> ofKind(String kind) {
    return frames.stream().filter(f -> f.startsWith("{\"stream\":\"btcusdt@" + kind)).toList();
  }
}
