package dev.tradingsystem.portfolio.journal;

import static dev.tradingsystem.portfolio.Fixtures.approved;
import static dev.tradingsystem.portfolio.Fixtures.intent;
import static dev.tradingsystem.portfolio.Fixtures.trade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.OrderStatus;
import dev.tradingsystem.proto.OrderType;
import dev.tradingsystem.proto.Side;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The file journal: what goes in comes out, a crash only costs the torn last record, corruption stops start. */
class FileOrderJournalTest {

  @TempDir
  Path dir;

  static JournalRecord accepted(int n) {
    ApprovedOrder approved = approved(intent("alpha-" + n, "alpha", n, Side.BUY, OrderType.LIMIT, "1000.00", "0.5"));
    Order order = Order.newBuilder().setOrderId("o-alpha-" + n).setIntentId("alpha-" + n).setStrategyId("alpha")
        .setStatus(OrderStatus.ACCEPTED).setQuantity(50_000_000L).build();
    return new JournalRecord.OrderAccepted(approved, order, n, 1_000L * n);
  }

  static JournalRecord tick(int n) {
    Execution fill = Execution.newBuilder().setExecutionId("x-o-alpha-" + n + "-1").setOrderId("o-alpha-" + n)
        .setQuantity(1).build();
    Order update = Order.newBuilder().setOrderId("o-alpha-" + n).setStatus(OrderStatus.PARTIALLY_FILLED).build();
    return new JournalRecord.TickApplied(trade(n, "1000.00", "1"), List.of(fill), List.of(update));
  }

  static List<JournalRecord> sample() {
    return List.of(accepted(1), tick(2),
        new JournalRecord.OrderChanged(Order.newBuilder().setOrderId("o-alpha-1").setStatus(OrderStatus.CANCELLED).build(), 0, 0),
        new JournalRecord.TickApplied(trade(3, "1001.00", "1"), List.of(), List.of()), accepted(4));
  }

  private JournalConfig config(JournalConfig.Fsync fsync) {
    return new JournalConfig(Optional.of(dir), fsync, 5);
  }

  private void write(List<JournalRecord> records) throws Exception {
    FileOrderJournal journal = new FileOrderJournal(config(JournalConfig.Fsync.ALWAYS));
    journal.recover();
    journal.append(records).toCompletableFuture().get(10, TimeUnit.SECONDS);
    journal.close();
  }

  private Path file() {
    return dir.resolve(JournalConfig.FILE_NAME);
  }

  @ParameterizedTest
  @EnumSource(JournalConfig.Fsync.class)
  void recordsComeBackInOrderAfterARestart(JournalConfig.Fsync fsync) throws Exception {
    FileOrderJournal journal = new FileOrderJournal(config(fsync));
    assertThat(journal.recover().isEmpty()).isTrue();
    journal.append(sample().subList(0, 2)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    journal.append(sample().subList(2, 5)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    journal.close();

    FileOrderJournal reopened = new FileOrderJournal(config(fsync));
    JournalScan scan = reopened.recover();
    reopened.append(List.of(tick(9))).toCompletableFuture().get(10, TimeUnit.SECONDS);
    reopened.close();

    assertThat(scan.records()).isEqualTo(sample());
    assertThat(scan.droppedTailRecords()).isZero();
    assertThat(JournalReader.read(file()).records()).hasSize(6).endsWith(tick(9));
  }

  /** A crash mid-write cuts the last frame anywhere: in its header, its body, one byte short. */
  @ParameterizedTest(name = "last frame cut to {0} bytes")
  @CsvSource({"1", "4", "7", "8", "9", "20", "-1"})
  void aTornLastRecordIsDroppedCountedAndWrittenOver(int keep) throws Exception {
    write(sample());
    byte[] whole = Files.readAllBytes(file());
    int lastFrame = JournalCodec.frame(sample().get(4)).length;
    int cut = whole.length - lastFrame + (keep > 0 ? keep : lastFrame + keep);
    Files.write(file(), Arrays.copyOf(whole, cut));

    FileOrderJournal journal = new FileOrderJournal(config(JournalConfig.Fsync.ALWAYS));
    JournalScan scan = journal.recover();
    journal.append(List.of(tick(7))).toCompletableFuture().get(10, TimeUnit.SECONDS);
    journal.close();

    assertThat(scan.records()).isEqualTo(sample().subList(0, 4));
    assertThat(scan.droppedTailRecords()).isEqualTo(1);
    assertThat(scan.droppedTailBytes()).isEqualTo(cut - (whole.length - lastFrame));
    JournalScan after = JournalReader.read(file());
    assertThat(after.droppedTailRecords()).isZero();
    assertThat(after.records()).hasSize(5).endsWith(tick(7));
  }

  @Test
  void aZeroFilledTailIsATornTail() throws Exception {
    write(sample());
    Files.write(file(), new byte[4096], java.nio.file.StandardOpenOption.APPEND);

    JournalScan scan = JournalReader.read(file());

    assertThat(scan.records()).isEqualTo(sample());
    assertThat(scan.droppedTailRecords()).isEqualTo(1);
    assertThat(scan.tailProblem()).contains("zero");
  }

  @Test
  void aLastRecordFailingItsChecksumIsATornTail() throws Exception {
    write(sample());
    byte[] bytes = Files.readAllBytes(file());
    bytes[bytes.length - 3] ^= 0x40;
    Files.write(file(), bytes);

    JournalScan scan = JournalReader.read(file());

    assertThat(scan.records()).isEqualTo(sample().subList(0, 4));
    assertThat(scan.tailProblem()).contains("checksum");
  }

  @Test
  void aCorruptRecordInTheMiddleFailsStartNamingIt() throws Exception {
    write(sample());
    byte[] bytes = Files.readAllBytes(file());
    int second = JournalCodec.frame(sample().get(0)).length;
    bytes[second + JournalCodec.HEADER + 5] ^= 0x01;
    Files.write(file(), bytes);

    FileOrderJournal journal = new FileOrderJournal(config(JournalConfig.Fsync.ALWAYS));
    assertThatThrownBy(journal::recover)
        .isInstanceOf(JournalCorruptException.class)
        .hasMessageContaining("corrupt at record 2")
        .hasMessageContaining("checksum");
    assertThat(Files.readAllBytes(file())).isEqualTo(bytes);
  }

  /**
   * Appends made while a commit is being forced go out together in the next one, and every
   * append completes in the order it was made, whatever the grouping.
   */
  @Test
  void groupCommitKeepsAppendOrder() throws Exception {
    FileOrderJournal journal = new FileOrderJournal(config(JournalConfig.Fsync.ALWAYS));
    journal.recover();
    List<Integer> completed = Collections.synchronizedList(new ArrayList<>());
    List<CompletableFuture<Void>> acks = new ArrayList<>();
    int appends = 2_000;
    for (int n = 1; n <= appends; n++) {
      int index = n;
      acks.add(journal.append(List.of(tick(index))).toCompletableFuture().thenRun(() -> completed.add(index)));
    }
    CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    JournalStats stats = journal.stats();
    journal.close();

    assertThat(completed).isSorted().hasSize(appends);
    assertThat(stats.records()).isEqualTo(appends);
    assertThat(stats.commits()).isLessThan(appends);
    assertThat(stats.largestCommit()).isGreaterThan(1);
    assertThat(stats.forces()).isEqualTo(stats.commits());
    List<JournalRecord> read = JournalReader.read(file()).records();
    assertThat(read).hasSize(appends);
    for (int n = 1; n <= appends; n++) {
      assertThat(((JournalRecord.TickApplied) read.get(n - 1)).seq()).isEqualTo(n);
    }
  }

  @Test
  void appendingAfterCloseFails() throws Exception {
    FileOrderJournal journal = new FileOrderJournal(config(JournalConfig.Fsync.ALWAYS));
    journal.recover();
    journal.close();

    assertThat(journal.append(List.of(tick(1))).toCompletableFuture())
        .failsWithin(5, TimeUnit.SECONDS);
  }

  @Test
  void aMissingFileIsAnEmptyJournal() throws IOException {
    assertThat(JournalReader.read(dir.resolve("nothing-here")).isEmpty()).isTrue();
  }
}
