package dev.tradingsystem.agents.runtime;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.NewsItem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * The runtime's default prompt: a generic short-horizon trader role, and every numeric field of
 * the {@link FeatureVector} as one {@code name: value} line, plus news headlines when the request
 * carries any. Built from the message descriptor, so a feature added to the contract reaches the
 * model without touching this class; agents with a point of view supply their own template.
 */
public final class FeaturePromptTemplate implements PromptTemplate {

  /** Horizon asked for when the agent does not say otherwise: one minute, like the tick models. */
  public static final int DEFAULT_HORIZON_SEC = 60;

  private static final String SYSTEM_PROMPT = """
      You are a disciplined short-horizon crypto trader. You receive the technical features of one
      market event for one instrument and decide whether the price is more likely to rise (LONG),
      fall (SHORT) or neither (FLAT) over the next %d seconds. Base the call only on the numbers
      given; when they do not support a clear view, answer FLAT with low confidence.""";

  private final String version;
  private final int horizonSec;

  public FeaturePromptTemplate(String version, int horizonSec) {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("a prompt needs a version");
    }
    if (horizonSec <= 0) {
      throw new IllegalArgumentException("horizonSec must be positive: " + horizonSec);
    }
    this.version = version;
    this.horizonSec = horizonSec;
  }

  /** The default template of an agent: version {@code <agent>-features-prompt-v1}, one-minute horizon. */
  public static FeaturePromptTemplate forAgent(String agent) {
    return new FeaturePromptTemplate(agent + "-features-prompt-v1", DEFAULT_HORIZON_SEC);
  }

  @Override
  public String version() {
    return version;
  }

  @Override
  public String systemPrompt() {
    return String.format(Locale.ROOT, SYSTEM_PROMPT, horizonSec);
  }

  @Override
  public int horizonSec() {
    return horizonSec;
  }

  @Override
  public String userMessage(AnalyzeRequest request) {
    FeatureVector features = request.getFeatures();
    StringBuilder text = new StringBuilder()
        .append("symbol: ").append(features.getInstrument().getSymbol()).append('\n')
        .append("event_time_us: ").append(features.getMeta().getEventTimeUs()).append('\n');
    for (FieldDescriptor field : FeatureVector.getDescriptor().getFields()) {
      if (isNumber(field)) {
        text.append(field.getName()).append(": ").append(format(features.getField(field))).append('\n');
      }
    }
    if (request.getNewsCount() > 0) {
      text.append("news:\n");
      for (NewsItem news : request.getNewsList()) {
        text.append("- ").append(news.getHeadline()).append('\n');
      }
    }
    return text.toString();
  }

  private static boolean isNumber(FieldDescriptor field) {
    if (field.isRepeated()) {
      return false;
    }
    return switch (field.getJavaType()) {
      case DOUBLE, FLOAT, INT, LONG -> true;
      default -> false;
    };
  }

  private static String format(Object value) {
    if (value instanceof Double d && Double.isFinite(d)) {
      // Plain notation with enough digits for returns of 1e-6; no exponent to confuse the model.
      return new BigDecimal(d).round(new MathContext(8)).stripTrailingZeros().toPlainString();
    }
    return String.valueOf(value);
  }
}
