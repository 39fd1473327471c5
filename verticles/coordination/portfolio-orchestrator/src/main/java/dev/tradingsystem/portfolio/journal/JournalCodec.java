package dev.tradingsystem.portfolio.journal;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.ExtensionRegistryLite;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.tradingsystem.proto.AllocationCommand;
import dev.tradingsystem.proto.ApprovedOrder;
import dev.tradingsystem.proto.Execution;
import dev.tradingsystem.proto.Order;
import dev.tradingsystem.proto.Trade;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The journal's bytes. A frame is {@code length:int32 | crc32:int32 | type:int8 | payload}, big
 * endian, where length and CRC-32 cover type and payload. The payload is protobuf wire format
 * (the contract messages nested as fields), so any protobuf reader, and a Kafka topic carrying
 * the same frames as values, reads it without a second schema:
 * <ul>
 *   <li>type 1 {@link JournalRecord.OrderAccepted}: 1 approved, 2 order, 3 placed seq, 4 placed time</li>
 *   <li>type 2 {@link JournalRecord.OrderChanged}: 1 order, 2 request seq, 3 request time</li>
 *   <li>type 3 {@link JournalRecord.TickApplied}: 1 trade, 2 executions (repeated), 3 updates (repeated)</li>
 *   <li>type 4 {@link JournalRecord.AllocationChanged}: 1 command (without token), 2 operator. Added
 *       later: journals of types 1 to 3 only read as before</li>
 * </ul>
 */
public final class JournalCodec {

  /** Frame header bytes: length and CRC. */
  public static final int HEADER = 8;
  /** A frame longer than this is garbage, not a record (a tick with its fills is a few kB). */
  public static final int MAX_FRAME = 64 << 20;

  private static final ExtensionRegistryLite NO_EXTENSIONS = ExtensionRegistryLite.getEmptyRegistry();

  static final byte ORDER_ACCEPTED = 1;
  static final byte ORDER_CHANGED = 2;
  static final byte TICK_APPLIED = 3;
  static final byte ALLOCATION_CHANGED = 4;

  private JournalCodec() {
  }

  /** The whole frame of one record. */
  public static byte[] frame(JournalRecord record) {
    byte[] body = body(record);
    CRC32 crc = new CRC32();
    crc.update(body);
    return ByteBuffer.allocate(HEADER + body.length).putInt(body.length).putInt((int) crc.getValue()).put(body).array();
  }

  /** CRC-32 of a frame's body (type and payload), as stored in its header. */
  static int crc(byte[] bytes, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(bytes, offset, length);
    return (int) crc.getValue();
  }

  /**
   * Decodes a body (type and payload) whose checksum matched.
   *
   * @throws InvalidProtocolBufferException when the type is unknown or the payload does not parse
   */
  static JournalRecord decode(byte[] bytes, int offset, int length) throws InvalidProtocolBufferException {
    byte type = bytes[offset];
    CodedInputStream in = CodedInputStream.newInstance(bytes, offset + 1, length - 1);
    try {
      return switch (type) {
        case ORDER_ACCEPTED -> readAccepted(in);
        case ORDER_CHANGED -> readChanged(in);
        case TICK_APPLIED -> readTick(in);
        case ALLOCATION_CHANGED -> readAllocation(in);
        default -> throw new InvalidProtocolBufferException("unknown journal record type " + type);
      };
    } catch (InvalidProtocolBufferException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new InvalidProtocolBufferException(e.getMessage());
    }
  }

  private static byte[] body(JournalRecord record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      if (record instanceof JournalRecord.OrderAccepted accepted) {
        bytes.write(ORDER_ACCEPTED);
        out.writeMessage(1, accepted.approved());
        out.writeMessage(2, accepted.order());
        out.writeInt64(3, accepted.placedSeq());
        out.writeInt64(4, accepted.placedTimeUs());
      } else if (record instanceof JournalRecord.OrderChanged changed) {
        bytes.write(ORDER_CHANGED);
        out.writeMessage(1, changed.order());
        out.writeInt64(2, changed.requestSeq());
        out.writeInt64(3, changed.requestTimeUs());
      } else if (record instanceof JournalRecord.TickApplied tick) {
        bytes.write(TICK_APPLIED);
        out.writeMessage(1, tick.trade());
        for (Execution execution : tick.executions()) {
          out.writeMessage(2, execution);
        }
        for (Order update : tick.updates()) {
          out.writeMessage(3, update);
        }
      } else if (record instanceof JournalRecord.AllocationChanged allocation) {
        bytes.write(ALLOCATION_CHANGED);
        out.writeMessage(1, allocation.command());
        out.writeString(2, allocation.operator());
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("a byte array stream does not fail", e);
    }
    return bytes.toByteArray();
  }

  private static JournalRecord readAccepted(CodedInputStream in) throws IOException {
    ApprovedOrder approved = ApprovedOrder.getDefaultInstance();
    Order order = Order.getDefaultInstance();
    long seq = 0;
    long time = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag >>> 3) {
        case 1 -> approved = in.readMessage(ApprovedOrder.parser(), NO_EXTENSIONS);
        case 2 -> order = in.readMessage(Order.parser(), NO_EXTENSIONS);
        case 3 -> seq = in.readInt64();
        case 4 -> time = in.readInt64();
        default -> in.skipField(tag);
      }
    }
    return new JournalRecord.OrderAccepted(approved, order, seq, time);
  }

  private static JournalRecord readChanged(CodedInputStream in) throws IOException {
    Order order = Order.getDefaultInstance();
    long seq = 0;
    long time = 0;
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag >>> 3) {
        case 1 -> order = in.readMessage(Order.parser(), NO_EXTENSIONS);
        case 2 -> seq = in.readInt64();
        case 3 -> time = in.readInt64();
        default -> in.skipField(tag);
      }
    }
    return new JournalRecord.OrderChanged(order, seq, time);
  }

  private static JournalRecord readTick(CodedInputStream in) throws IOException {
    Trade trade = Trade.getDefaultInstance();
    List<Execution> executions = new ArrayList<>();
    List<Order> updates = new ArrayList<>();
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag >>> 3) {
        case 1 -> trade = in.readMessage(Trade.parser(), NO_EXTENSIONS);
        case 2 -> executions.add(in.readMessage(Execution.parser(), NO_EXTENSIONS));
        case 3 -> updates.add(in.readMessage(Order.parser(), NO_EXTENSIONS));
        default -> in.skipField(tag);
      }
    }
    return new JournalRecord.TickApplied(trade, executions, updates);
  }

  private static JournalRecord readAllocation(CodedInputStream in) throws IOException {
    AllocationCommand command = AllocationCommand.getDefaultInstance();
    String operator = "";
    for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
      switch (tag >>> 3) {
        case 1 -> command = in.readMessage(AllocationCommand.parser(), NO_EXTENSIONS);
        case 2 -> operator = in.readString();
        default -> in.skipField(tag);
      }
    }
    return new JournalRecord.AllocationChanged(command, operator);
  }
}
