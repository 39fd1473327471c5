package dev.tradingsystem.benchmarks;

import dev.tradingsystem.data.features.FeatureConfig;
import dev.tradingsystem.data.features.FeatureEngine;
import dev.tradingsystem.data.features.GapFill;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.proto.Side;
import dev.tradingsystem.shared.money.Instruments;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Replay throughput of the feature stage in ticks per second: a fresh {@link FeatureEngine} runs
 * through all 99,982 accepted bundled trades per invocation, building every tick vector and every candle
 * vector of the configured timeframes (flat gap fill). Parsing, validation and the event bus are
 * not in it: this is the ceiling the feature stage puts on a replay.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ReplayThroughputBenchmark {

  /** The bundled file's 100,000 rows less the 18 of zero size, which validation rejects too. */
  private static final int TRADES = 99_982;

  /** Comma-separated candle timeframes in seconds. */
  @Param({"60", "1,60,300,3600"})
  public String timeframes;

  private BundledTrades trades;
  private FeatureConfig config;
  private FeatureEngine engine;
  private Meta meta;

  @Setup(Level.Trial)
  public void load() {
    trades = BundledTrades.load();
    if (trades.count() != TRADES) {
      throw new IllegalStateException("expected " + TRADES + " usable bundled trades, found " + trades.count());
    }
    List<Integer> seconds = new ArrayList<>();
    for (String part : timeframes.split(",")) {
      seconds.add(Integer.parseInt(part.trim()));
    }
    config = FeatureConfig.defaults().withTimeframes(seconds, GapFill.FLAT);
    meta = Meta.newBuilder().setId("md-1").setSeq(1).setTraceId("t-1").build();
  }

  @Setup(Level.Invocation)
  public void freshEngine() {
    engine = new FeatureEngine(config, Instruments.BITSTAMP_BTC_USD);
  }

  @Benchmark
  @OperationsPerInvocation(TRADES)
  public void replayAllTrades(Blackhole sink) {
    for (int i = 0; i < TRADES; i++) {
      FeatureVector tick = engine.onTrade(meta, trades.timeUs[i], trades.price[i], trades.size[i], Side.SIDE_UNSPECIFIED);
      sink.consume(tick);
      List<FeatureVector> candles = engine.closedCandleVectors();
      for (int c = 0, n = candles.size(); c < n; c++) {
        sink.consume(candles.get(c));
      }
    }
  }
}
