package dev.tradingsystem.app.evaluate;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.Direction;
import dev.tradingsystem.proto.FeatureVector;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Directional hit rate of a model's LONG/SHORT calls on a tape. Every tick goes to the model (its
 * state advances as in a run); each non-FLAT call at time {@code t} with horizon {@code h},
 * entered after a delay {@code d}, is scored against the realised log return of the mid from
 * {@code t + d} to {@code t + d + h} (each the mid after the last tick at or before that time).
 * Calls whose horizon runs past the tape, or whose realised return is exactly zero (no direction
 * to hit), are left out and counted. The baselines are scored on exactly the same points: a fair
 * coin (0.5 by construction, and a seeded random sign) and buy-and-hold (always LONG). The mid
 * path is sampled at trades: a book change after the last trade before a time is not seen.
 */
public final class DirectionalEvaluation implements MarketTape.Listener {

  private final AgentHarness harness;
  private final long seed;
  private long[] times = new long[1 << 16];
  private double[] mids = new double[1 << 16];
  private int ticks;
  private final List<long[]> calls = new ArrayList<>();
  private final TreeSet<Integer> horizons = new TreeSet<>();
  private long lastTimeUs = Long.MIN_VALUE;

  /** @param seed seed of the random-sign baseline */
  public DirectionalEvaluation(AgentModel model, long seed) {
    this.harness = new AgentHarness(model);
    this.seed = seed;
  }

  @Override
  public void onTick(FeatureVector tick) {
    if (ticks == times.length) {
      times = Arrays.copyOf(times, ticks * 2);
      mids = Arrays.copyOf(mids, ticks * 2);
    }
    // Venue timestamps of trades and book events can interleave out of order by a few ms: the
    // running maximum is the latest moment the tape has shown, and keeps the search ordered.
    lastTimeUs = Math.max(lastTimeUs, tick.getMeta().getEventTimeUs());
    times[ticks] = lastTimeUs;
    mids[ticks] = tick.getMid() > 0 ? tick.getMid() : tick.getPrice();
    AgentOpinion opinion = harness.analyze(tick);
    if (opinion.direction() != Direction.FLAT) {
      calls.add(new long[] {ticks, opinion.direction() == Direction.LONG ? 1 : -1, opinion.horizonSec()});
      horizons.add(opinion.horizonSec());
    }
    ticks++;
  }

  /**
   * Scores the calls collected so far, entering {@code entryDelayUs} after each call: the mid at
   * entry is the one after the last tick at or before {@code t + delay}, so even with no delay
   * the prints that share the call's timestamp (one sweep of the book, or one second of a feed
   * stamped in seconds) are behind the entry, not part of the return it is scored on.
   */
  public DirectionalResult result(long entryDelayUs) {
    if (entryDelayUs < 0) {
      throw new IllegalArgumentException("entry delay must not be negative: " + entryDelayUs);
    }
    List<long[]> points = new ArrayList<>();
    long beyond = 0;
    long zero = 0;
    long noHorizon = 0;
    long longCalls = 0;
    for (long[] call : calls) {
      int index = (int) call[0];
      longCalls += call[1] > 0 ? 1 : 0;
      if (call[2] <= 0) {
        noHorizon++;
        continue;
      }
      long entryUs = times[index] + entryDelayUs;
      long exitUs = entryUs + call[2] * 1_000_000L;
      if (exitUs > times[ticks - 1]) {
        beyond++;
        continue;
      }
      double realised = Math.log(mids[lastAtOrBefore(exitUs)] / mids[lastAtOrBefore(entryUs)]);
      if (realised == 0) {
        zero++;
        continue;
      }
      points.add(new long[] {entryUs, call[1], realised > 0 ? 1 : -1, exitUs});
    }
    List<long[]> independent = new ArrayList<>();
    long nextFree = Long.MIN_VALUE;
    for (long[] point : points) {
      if (point[0] >= nextFree) {
        independent.add(point);
        nextFree = point[3];
      }
    }
    return new DirectionalResult(harness.modelId(), ticks, harness.refusedByReason(), harness.errors(), calls.size(),
        longCalls, List.copyOf(horizons), entryDelayUs, beyond, zero, noHorizon, seed, score(points),
        score(independent));
  }

  /** Index of the last tick at or before {@code timeUs} (times are non-decreasing). */
  private int lastAtOrBefore(long timeUs) {
    int low = 0;
    int high = ticks - 1;
    while (low < high) {
      int mid = (low + high + 1) >>> 1;
      if (times[mid] <= timeUs) {
        low = mid;
      } else {
        high = mid - 1;
      }
    }
    return low;
  }

  private DirectionalResult.Comparison score(List<long[]> points) {
    SplittableRandom coin = new SplittableRandom(seed);
    long modelHits = 0;
    long ups = 0;
    long randomHits = 0;
    long shortRight = 0;
    long shortWrong = 0;
    for (long[] point : points) {
      long call = point[1];
      long move = point[2];
      modelHits += call == move ? 1 : 0;
      ups += move > 0 ? 1 : 0;
      randomHits += (coin.nextBoolean() ? 1 : -1) == move ? 1 : 0;
      if (call < 0) {
        shortRight += move < 0 ? 1 : 0;
        shortWrong += move > 0 ? 1 : 0;
      }
    }
    int n = points.size();
    return new DirectionalResult.Comparison(HitRate.of(modelHits, n), HitRate.of(ups, n), HitRate.of(randomHits, n),
        shortRight, shortWrong, BinomialTest.twoSidedFairCoin(shortRight, shortRight + shortWrong));
  }
}
