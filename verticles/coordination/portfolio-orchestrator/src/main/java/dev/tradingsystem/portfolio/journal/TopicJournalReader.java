package dev.tradingsystem.portfolio.journal;

import com.google.protobuf.InvalidProtocolBufferException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a journal topic's records (one {@link JournalCodec} frame per record value) with the file
 * journal's rules: a damaged LAST record is dropped and reported, a damaged record with whole
 * records after it fails the read with {@link JournalCorruptException}, and a record whose checksum
 * matches but which does not parse is corruption wherever it is. A topic cannot be truncated, so a
 * dropped tail stays in the log; the writer then appends a {@link Entry#tailMarker marker} naming
 * its offset, and later reads skip that record instead of finding it in the middle. Plain Java.
 */
public final class TopicJournalReader {

  /**
   * One record of the topic.
   *
   * @param offset its offset in the partition
   * @param value its value: a frame, or empty for a marker
   * @param droppedOffset for a marker, the offset of the record recovery dropped; -1 otherwise
   */
  public record Entry(long offset, byte[] value, long droppedOffset) {

    /** A frame record. */
    public static Entry frame(long offset, byte[] value) {
      return new Entry(offset, value, -1);
    }

    /** A marker saying the record at {@code dropped} was a torn tail, dropped by a recovery. */
    public static Entry tailMarker(long offset, long dropped) {
      return new Entry(offset, new byte[0], dropped);
    }

    boolean marker() {
      return droppedOffset >= 0;
    }
  }

  /**
   * The scan, and the offset of the torn tail it dropped that no marker names yet (-1 if none):
   * the writer marks it before appending after it.
   */
  public record Result(JournalScan scan, long unmarkedTailOffset) {
  }

  private TopicJournalReader() {
  }

  /** Decodes the entries, in offset order; {@code name} goes into error messages. */
  public static Result scan(List<Entry> entries, String name) {
    Set<Long> marked = new HashSet<>();
    List<Entry> frames = new ArrayList<>();
    for (Entry entry : entries) {
      if (entry.marker()) {
        marked.add(entry.droppedOffset());
      } else {
        frames.add(entry);
      }
    }
    List<JournalRecord> records = new ArrayList<>();
    long validBytes = 0;
    for (int i = 0; i < frames.size(); i++) {
      Entry entry = frames.get(i);
      byte[] value = entry.value();
      String problem = problem(value);
      if (problem == null) {
        records.add(decode(value, name, entry.offset(), records.size()));
        validBytes += value.length;
      } else if (marked.contains(entry.offset())) {
        continue;
      } else if (i == frames.size() - 1) {
        return new Result(new JournalScan(records, validBytes, 1, value.length, problem), entry.offset());
      } else {
        throw corrupt(name, entry.offset(), records.size(), problem + ", with " + (frames.size() - 1 - i)
            + " later records after it");
      }
    }
    return new Result(new JournalScan(records, validBytes, 0, 0, ""), -1);
  }

  /** Why a value is not one whole frame, or null when it is. */
  private static String problem(byte[] value) {
    if (value == null || value.length < JournalCodec.HEADER) {
      return "header cut short (" + (value == null ? 0 : value.length) + " bytes)";
    }
    ByteBuffer header = ByteBuffer.wrap(value, 0, JournalCodec.HEADER);
    int length = header.getInt();
    int crc = header.getInt();
    if (length <= 0 || length != value.length - JournalCodec.HEADER) {
      return "frame length " + length + " but the record holds " + (value.length - JournalCodec.HEADER) + " bytes";
    }
    if (JournalCodec.crc(value, JournalCodec.HEADER, length) != crc) {
      return "record fails its checksum";
    }
    return null;
  }

  private static JournalRecord decode(byte[] value, String name, long offset, int index) {
    try {
      return JournalCodec.decode(value, JournalCodec.HEADER, value.length - JournalCodec.HEADER);
    } catch (InvalidProtocolBufferException e) {
      throw corrupt(name, offset, index, "checksum matches but the record does not parse: " + e.getMessage());
    }
  }

  private static JournalCorruptException corrupt(String name, long offset, int index, String problem) {
    return new JournalCorruptException("journal " + name + " is corrupt at record " + (index + 1) + " (offset "
        + offset + "): " + problem + ". The broker checks record CRCs, so this was written damaged; restore the"
        + " topic from a copy, or start on a new topic knowing the positions start flat");
  }
}
