package dev.tradingsystem.app.evaluate;

import static dev.tradingsystem.agents.fingpt.SentimentLabel.BEARISH;
import static dev.tradingsystem.agents.fingpt.SentimentLabel.BULLISH;
import static dev.tradingsystem.agents.fingpt.SentimentLabel.NEUTRAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.app.evaluate.LabelledSentences.Example;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelledSentencesTest {

  @TempDir
  Path dir;

  @Test
  void readsTfnsWithQuotedCommasQuotesAndLineBreaks() throws Exception {
    Path file = dir.resolve("valid.csv");
    Files.writeString(file, "text,label\n\"Stocks fall, again\",0\n\"He said \"\"buy\"\"\nnow\",1\nFlat day,2\n",
        StandardCharsets.UTF_8);
    assertThat(LabelledSentences.read(file, SentimentFormat.TFNS)).containsExactly(
        new Example("Stocks fall, again", BEARISH), new Example("He said \"buy\"\nnow", BULLISH),
        new Example("Flat day", NEUTRAL));
  }

  @Test
  void readsFpbWithByteOrderMarkCrlfAndAtSignsInTheSentence() throws Exception {
    Path file = dir.resolve("Sentences.txt");
    Files.write(file, ("\uFEFFProfit rose 5 % .@positive\r\nMail us @ ir@example.com .@neutral\r\n"
        + "Loss widened@negative\r\n").getBytes(StandardCharsets.UTF_8));
    assertThat(LabelledSentences.read(file, SentimentFormat.FPB)).containsExactly(
        new Example("Profit rose 5 % .", BULLISH), new Example("Mail us @ ir@example.com .", NEUTRAL),
        new Example("Loss widened", BEARISH));
  }

  @Test
  void readsTheOriginalLatin1Distribution() throws Exception {
    Path file = dir.resolve("latin1.txt");
    Files.write(file, "Nokia's \u00e9lan@neutral\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(LabelledSentences.read(file, SentimentFormat.FPB)).containsExactly(
        new Example("Nokia's \u00e9lan", NEUTRAL));
  }

  @Test
  void refusesAnUnknownLabelNamingTheLine() throws Exception {
    Path file = dir.resolve("bad.txt");
    Files.writeString(file, "fine@neutral\nodd@maybe\n");
    assertThatThrownBy(() -> LabelledSentences.read(file, SentimentFormat.FPB))
        .hasMessageContaining("line 2").hasMessageContaining("maybe");
  }

  @Test
  void refusesACsvWithoutTheTfnsHeader() throws Exception {
    Path file = dir.resolve("noheader.csv");
    Files.writeString(file, "a,0\n");
    assertThatThrownBy(() -> LabelledSentences.read(file, SentimentFormat.TFNS)).hasMessageContaining("text,label");
  }
}
