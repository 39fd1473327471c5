package dev.tradingsystem.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * What to replay and how to configure the run, shared by {@code run} and {@code backtest} (a
 * picocli mixin), so both read a dataset and a config the same way.
 */
public final class ReplayOptions {

  @Option(names = "--data", paramLabel = "FILE", description = "Market data file; default: bundled Bitstamp trades")
  Path data;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "Data format: auto (from file name and content), csv, bitstamp-csv, binance-trades, binance-aggtrades, "
          + "binance-klines, binance-bookticker, freqtrade-json, hftbacktest, ohlcv-csv (any OHLCV CSV with a header) (default ${DEFAULT-VALUE})")
  String format;

  @Option(names = "--symbol", paramLabel = "BASE/QUOTE", description = "Symbol when the file name does not tell (e.g. ETH/USDT)")
  String symbol;

  @Option(names = "--max-ticks", paramLabel = "N", defaultValue = "0",
      description = "Stop after N market events (trades, quotes, book updates, candles; 0 = all)")
  long maxTicks;

  @Option(names = "--config", paramLabel = "FILE", description = "JSON or YAML config file")
  String config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "Override one config key (repeatable)")
  List<String> overrides = new ArrayList<>();

  /** The {@code replay.*} settings of these options (data, limit, format, symbol). */
  public List<String> replaySettings() {
    List<String> settings = new ArrayList<>();
    if (data != null) {
      settings.add("replay.data=" + data.toAbsolutePath());
    }
    settings.add("replay.maxTicks=" + maxTicks);
    settings.add("replay.format=" + format);
    if (symbol != null) {
      settings.add("replay.symbol=" + symbol);
    }
    return settings;
  }

  /** The {@code --set} overrides, which go last: they beat every other setting. */
  public List<String> overrides() {
    return List.copyOf(overrides);
  }

  /** The {@code --config} file, or null. */
  public String configFile() {
    return config;
  }

  /** @throws ParameterException naming the option of a missing file or a negative limit */
  public void validate(CommandLine commandLine) {
    if (data != null && !Files.isRegularFile(data)) {
      throw new ParameterException(commandLine, "--data: no such file: " + data);
    }
    if (maxTicks < 0) {
      throw new ParameterException(commandLine, "--max-ticks must be >= 0");
    }
  }
}
