package dev.tradingsystem.app.evaluate;

import dev.tradingsystem.agents.fingpt.FinanceLexicon;
import dev.tradingsystem.agents.fingpt.HeadlineScorer;
import dev.tradingsystem.agents.fingpt.SentimentConfig;
import dev.tradingsystem.agents.fingpt.SentimentLabel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The fingpt agent's built-in headline model (lexicon scorer at the agent's default headline
 * threshold) on a labelled set, beside the majority-class baseline and, for Financial
 * PhraseBank, FinGPT's published weighted-F1 range.
 */
public final class SentimentEvaluation {

  /** TFNS validation split under the shared folder: FinGPT's TFNS test protocol. */
  public static final String TFNS_VALIDATION = "data/sentiment/tfns_mit/sent_valid.csv";
  /** Financial PhraseBank, sentences with at least 50% annotator agreement. */
  public static final String FPB_50_AGREE = "data/sentiment/fpb_cc-by-nc-sa-3.0/Sentences_50Agree.txt";

  /** FinGPT's published benchmark: FPB weighted F1 of its LoRA fine-tuned models. */
  public static final PublishedRange FINGPT_FPB = new PublishedRange(
      "FinGPT's published benchmark (FinGPT sentiment LoRA models, FPB test split)", "weighted F1", 0.85, 0.88);

  /** A published score range to read a result against. */
  public record PublishedRange(String source, String metric, double low, double high) {
  }

  /**
   * A labelled set and how it is held out.
   *
   * @param name     short name for tables (TFNS, FPB)
   * @param protocol which rows are scored and why they are held out
   */
  public record SentimentSet(String name, Path file, SentimentFormat format, String protocol) {

    /** The shared TFNS validation split. */
    public static SentimentSet tfnsValidation(Path file) {
      return new SentimentSet("TFNS validation", file, SentimentFormat.TFNS,
          "Twitter Financial News Sentiment validation split, every row, as in FinGPT's tfns.py (weighted F1). "
              + "The lexicon was written and checked against the training split only.");
    }

    /** The shared Financial PhraseBank 50%-agreement file. */
    public static SentimentSet fpbAllRows(Path file) {
      return new SentimentSet("FPB 50Agree", file, SentimentFormat.FPB,
          "Financial PhraseBank Sentences_50Agree, every row: the lexicon was never fitted on FPB, so the whole "
              + "file is held out. FinGPT's own FPB test split is a 25% subset (train_test_split, seed 42, "
              + "1,212 rows); that exact split was not reproduced here.");
    }

    /** A file given on the command line. */
    public static SentimentSet userFile(Path file, SentimentFormat format) {
      return new SentimentSet(file.getFileName().toString(), file, format,
          "every row of a user-supplied " + format.configName() + " file; whether it is held out from the "
              + "lexicon's development depends on the file");
    }
  }

  /**
   * What one evaluation measured.
   *
   * @param majority       the most frequent true class, which the baseline always predicts
   * @param published      a published range for this data set, or null
   * @param threshold      |score| above which a headline is bullish/bearish
   */
  public record Result(SentimentSet set, ConfusionMatrix<SentimentLabel> model, SentimentLabel majority,
      ConfusionMatrix<SentimentLabel> baseline, PublishedRange published, double threshold) {

    /** One line: beats the majority class or not, and where it lands against a published range. */
    public String verdict() {
      boolean beatsMacro = model.macroF1() > baseline.macroF1();
      boolean beatsWeighted = model.weightedF1() > baseline.weightedF1();
      String against = String.format(Locale.ROOT, "%s the majority class (%s) on macro F1 (%.4f vs %.4f) and %s it "
              + "on weighted F1 (%.4f vs %.4f)", beatsMacro ? "beats" : "does not beat",
          majority.name().toLowerCase(Locale.ROOT), model.macroF1(), baseline.macroF1(),
          beatsWeighted ? "beats" : "does not beat", model.weightedF1(), baseline.weightedF1());
      if (published == null) {
        return against;
      }
      String position = model.weightedF1() < published.low() ? "below"
          : model.weightedF1() > published.high() ? "above" : "within";
      return String.format(Locale.ROOT, "%s; weighted F1 %.4f is %s %s's %.2f-%.2f", against, model.weightedF1(),
          position, published.source(), published.low(), published.high());
    }
  }

  private final HeadlineScorer scorer = new HeadlineScorer(FinanceLexicon.builtin());
  private final double threshold;

  /** @param threshold the agent's headline threshold ({@link SentimentConfig#headlineThreshold()}) */
  public SentimentEvaluation(double threshold) {
    this.threshold = threshold;
  }

  /** Reads the set and scores every row. */
  public Result evaluate(SentimentSet set) throws IOException {
    List<LabelledSentences.Example> examples = LabelledSentences.read(set.file(), set.format());
    if (examples.isEmpty()) {
      throw new IOException(set.file() + " holds no labelled rows");
    }
    ConfusionMatrix<SentimentLabel> model = new ConfusionMatrix<>(SentimentLabel.class);
    for (LabelledSentences.Example example : examples) {
      model.add(example.label(), scorer.score(example.text()).label(threshold));
    }
    SentimentLabel majority = model.majorityClass();
    ConfusionMatrix<SentimentLabel> baseline = new ConfusionMatrix<>(SentimentLabel.class);
    for (LabelledSentences.Example example : examples) {
      baseline.add(example.label(), majority);
    }
    PublishedRange published = set.format() == SentimentFormat.FPB ? FINGPT_FPB : null;
    return new Result(set, model, majority, baseline, published, threshold);
  }
}
