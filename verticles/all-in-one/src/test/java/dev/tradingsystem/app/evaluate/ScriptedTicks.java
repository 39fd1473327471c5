package dev.tradingsystem.app.evaluate;

import dev.tradingsystem.agents.runtime.AgentModel;
import dev.tradingsystem.agents.runtime.AgentOpinion;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.Candle;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.Meta;
import dev.tradingsystem.shared.money.Instruments;
import java.util.Map;
import java.util.function.Function;

/** Hand-made tick vectors and a model that answers from a script, for the evaluations' unit tests. */
final class ScriptedTicks {

  private ScriptedTicks() {
  }

  static FeatureVector tick(long seq, long timeSec, double mid) {
    return FeatureVector.newBuilder()
        .setMeta(Meta.newBuilder().setId("md-" + seq).setSeq(seq).setEventTimeUs(timeSec * 1_000_000L))
        .setInstrument(Instruments.BITSTAMP_BTC_USD)
        .setPrice(mid)
        .setMid(mid)
        .build();
  }

  /** A tick that closes a one-minute candle with this close (price units). */
  static FeatureVector candleTick(long seq, long close) {
    Candle candle = Candle.newBuilder().setInstrument(Instruments.BITSTAMP_BTC_USD).setIntervalSec(60)
        .setOpenTimeUs(seq * 60_000_000L).setOpen(close).setHigh(close).setLow(close).setClose(close).build();
    return tick(seq, seq * 60 + 60, close / 100.0).toBuilder().setClosedCandle(candle).build();
  }

  /** Answers the scripted opinion for a tick's seq, FLAT for any seq not in the script. */
  static AgentModel model(Map<Long, AgentOpinion> script) {
    return model(request -> script.getOrDefault(request.getFeatures().getMeta().getSeq(), AgentOpinion.noView("")));
  }

  static AgentModel model(Function<AnalyzeRequest, AgentOpinion> answer) {
    return new AgentModel() {
      @Override
      public String modelId() {
        return "scripted";
      }

      @Override
      public AgentOpinion analyze(AnalyzeRequest request) {
        return answer.apply(request);
      }
    };
  }
}
