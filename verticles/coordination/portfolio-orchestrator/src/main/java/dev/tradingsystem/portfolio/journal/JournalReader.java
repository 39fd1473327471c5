package dev.tradingsystem.portfolio.journal;

import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a journal file frame by frame. A crash mid-write can only leave the LAST frame short or
 * unreadable (the file is append-only), so such a tail is dropped and reported; a bad frame with
 * whole frames after it cannot come from a crash and fails the read with
 * {@link JournalCorruptException}. Plain Java, also used by tests and tools on a live file.
 */
public final class JournalReader {

  private JournalReader() {
  }

  /** Reads the whole file; a missing file is an empty journal. */
  public static JournalScan read(Path file) throws IOException {
    if (!Files.exists(file)) {
      return JournalScan.empty();
    }
    return scan(Files.readAllBytes(file), file.toString());
  }

  /** Reads frames from bytes; {@code name} goes into error messages. */
  public static JournalScan scan(byte[] bytes, String name) {
    List<JournalRecord> records = new ArrayList<>();
    int offset = 0;
    while (offset < bytes.length) {
      int remaining = bytes.length - offset;
      if (remaining < JournalCodec.HEADER) {
        return torn(records, offset, bytes.length, "header cut short (" + remaining + " bytes)");
      }
      ByteBuffer header = ByteBuffer.wrap(bytes, offset, JournalCodec.HEADER);
      int length = header.getInt();
      int crc = header.getInt();
      if (length <= 0 || length > JournalCodec.MAX_FRAME) {
        if (allZero(bytes, offset)) {
          return torn(records, offset, bytes.length, "zero-filled tail");
        }
        if (length > remaining - JournalCodec.HEADER && length > 0) {
          return torn(records, offset, bytes.length, "frame of " + length + " bytes cut short");
        }
        throw corrupt(name, records.size(), offset, "impossible frame length " + length);
      }
      int bodyStart = offset + JournalCodec.HEADER;
      int end = bodyStart + length;
      if (end > bytes.length || end < 0) {
        return torn(records, offset, bytes.length, "frame of " + length + " bytes cut short at "
            + (bytes.length - bodyStart));
      }
      if (JournalCodec.crc(bytes, bodyStart, length) != crc) {
        if (end == bytes.length) {
          return torn(records, offset, bytes.length, "last frame fails its checksum");
        }
        throw corrupt(name, records.size(), offset, "checksum mismatch with " + (bytes.length - end)
            + " bytes of later records after it");
      }
      try {
        records.add(JournalCodec.decode(bytes, bodyStart, length));
      } catch (InvalidProtocolBufferException e) {
        throw corrupt(name, records.size(), offset, "checksum matches but the record does not parse: " + e.getMessage());
      }
      offset = end;
    }
    return new JournalScan(records, offset, 0, 0, "");
  }

  private static JournalScan torn(List<JournalRecord> records, int offset, int size, String problem) {
    return new JournalScan(records, offset, 1, size - offset, problem);
  }

  private static boolean allZero(byte[] bytes, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static JournalCorruptException corrupt(String name, int index, int offset, String problem) {
    return new JournalCorruptException("journal " + name + " is corrupt at record " + (index + 1) + " (byte "
        + offset + "): " + problem + ". A crash only damages the last record; move the file aside and "
        + "restore it from a copy, or start from an empty journal dir knowing the positions start flat");
  }
}
