package dev.tradingsystem.agents.runtime;

import com.google.protobuf.Descriptors.FieldDescriptor;
import dev.tradingsystem.proto.AnalyzeRequest;
import dev.tradingsystem.proto.FeatureVector;
import dev.tradingsystem.proto.NewsItem;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * A prompt made of a role and the features of one event: every numeric field of the
 * {@link FeatureVector} (or the agent's chosen subset) as one {@code name: value} line, plus news
 * headlines when the request carries any. Built from the message descriptor, so a feature added
 * to the contract reaches the model without touching this class. The runtime's default role is a
 * generic short-horizon trader; agents with a point of view pass their own role and features.
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
  private final String role;
  private final List<FieldDescriptor> fields;

  /** The generic trader role over every numeric feature. */
  public FeaturePromptTemplate(String version, int horizonSec) {
    this(version, horizonSec, SYSTEM_PROMPT, List.of());
  }

  /**
   * @param role     the system prompt; {@code %d} is replaced by the horizon in seconds
   * @param features feature field names the model sees, in this order; empty for all numeric ones
   * @throws IllegalArgumentException naming a feature the contract does not have
   */
  public FeaturePromptTemplate(String version, int horizonSec, String role, List<String> features) {
    if (version == null || version.isBlank()) {
      throw new IllegalArgumentException("a prompt needs a version");
    }
    if (horizonSec <= 0) {
      throw new IllegalArgumentException("horizonSec must be positive: " + horizonSec);
    }
    this.version = version;
    this.horizonSec = horizonSec;
    this.role = role;
    List<FieldDescriptor> chosen = new ArrayList<>();
    if (features.isEmpty()) {
      FeatureVector.getDescriptor().getFields().stream().filter(FeaturePromptTemplate::isNumber).forEach(chosen::add);
    }
    for (String name : features) {
      FieldDescriptor field = FeatureVector.getDescriptor().findFieldByName(name);
      if (field == null || !isNumber(field)) {
        throw new IllegalArgumentException("'" + name + "' is not a numeric feature of FeatureVector");
      }
      chosen.add(field);
    }
    this.fields = List.copyOf(chosen);
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
    return role.replace("%d", Integer.toString(horizonSec));
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
    for (FieldDescriptor field : fields) {
      text.append(field.getName()).append(": ").append(format(features.getField(field))).append('\n');
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
