package io.github.renkei.cluster.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes a cluster file as strict UTF-8, streaming, and knows the line of every character it
 * has delivered. A UTF-8 byte-order mark at the start is skipped (editors on Windows write one);
 * anything that is not UTF-8 — a malformed or truncated sequence, a UTF-16 byte-order mark, a
 * NUL character (which UTF-8 text never holds, and UTF-16 text of Latin letters is full of) —
 * throws a {@link ClusterFormatException} naming the file, the line, "not UTF-8" and what the
 * bytes look like, instead of the JDK's bare "Input length = 1".
 *
 * <p>Lines are counted as an editor counts them: {@code \n}, {@code \r\n} and a lone {@code \r}
 * each end one. The starts of lines not yet asked about are kept, so memory stays small however
 * long the file is, as long as {@link #lineOf} is asked about increasing positions.
 */
final class Utf8Input extends Reader {

  private static final int BUFFER = 1 << 14;

  private final String file;
  private final InputStream in;
  private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
      .onMalformedInput(CodingErrorAction.REPORT)
      .onUnmappableCharacter(CodingErrorAction.REPORT);
  private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
  private final CharBuffer chars = CharBuffer.allocate(BUFFER);
  private boolean started;
  private boolean eof;
  private long bytesBefore; // bytes consumed before the start of `bytes`
  private long position; // characters delivered
  private int line = 1; // the line of the next character delivered
  private boolean lastWasCr;
  /** Positions of the starts of lines 1 + dropped, 2 + dropped, ...: a window of the file's lines. */
  private long[] starts = new long[64];
  private int size;
  private int dropped;

  Utf8Input(String file, InputStream in) {
    this.file = file;
    this.in = in;
    chars.flip();
    starts[size++] = 0;
  }

  /**
   * Returns the line of the character at a position, 1-based. Positions asked about must not
   * decrease; lines before the last one asked about are forgotten.
   */
  int lineOf(long pos) {
    int i = Arrays.binarySearch(starts, 0, size, pos);
    int index = i >= 0 ? i : -i - 2;
    int result = dropped + index + 1;
    if (index > size / 2 && index > 32) {
      System.arraycopy(starts, index, starts, 0, size - index);
      size -= index;
      dropped += index;
    }
    return result;
  }

  @Override
  public int read(char[] cbuf, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    while (!chars.hasRemaining()) {
      if (eof) {
        return -1;
      }
      fill();
    }
    int n = Math.min(len, chars.remaining());
    chars.get(cbuf, off, n);
    for (int i = off; i < off + n; i++) {
      char c = cbuf[i];
      position++;
      if (c == '\n') {
        if (!lastWasCr) {
          newLine();
        }
        lastWasCr = false;
      } else {
        lastWasCr = c == '\r';
        if (lastWasCr) {
          newLine();
        } else if (c == '\0') {
          throw notUtf8(line, "it holds a NUL character (U+0000), which UTF-8 text does not; "
              + "it looks like UTF-16 (save the file as UTF-8)");
        }
      }
    }
    return n;
  }

  private void newLine() {
    line++;
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
    }
    starts[size++] = position;
  }

  /** Decodes more characters into {@code chars}, which is empty. */
  private void fill() throws IOException {
    chars.clear();
    if (!started) {
      started = true;
      readMore();
      bytes.flip();
      sniffStart();
      bytes.compact();
    }
    while (true) {
      bytes.flip();
      CoderResult r = decoder.decode(bytes, chars, eof);
      if (r.isError()) {
        throw malformed(r.length());
      }
      if (eof) {
        CoderResult f = decoder.flush(chars);
        if (f.isError()) {
          throw malformed(f.length());
        }
        if (bytes.hasRemaining()) {
          throw malformed(bytes.remaining());
        }
      }
      bytesBefore += bytes.position();
      bytes.compact();
      if (chars.position() > 0 || eof) {
        break;
      }
      readMore();
    }
    chars.flip();
  }

  private void readMore() throws IOException {
    int n = in.readNBytes(bytes.array(), bytes.position(), bytes.remaining());
    bytes.position(bytes.position() + n);
    if (bytes.hasRemaining()) {
      eof = true;
    }
  }

  /** Skips a UTF-8 byte-order mark; rejects a UTF-16 or UTF-32 one. */
  private void sniffStart() {
    int n = bytes.remaining();
    int b0 = n > 0 ? bytes.get(0) & 0xff : -1;
    int b1 = n > 1 ? bytes.get(1) & 0xff : -1;
    int b2 = n > 2 ? bytes.get(2) & 0xff : -1;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      // skipped: lines and characters are counted after the mark, byte offsets from the file's start
      bytes.position(3);
      bytesBefore = 3;
      return;
    }
    if ((b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)) {
      throw notUtf8(1, "it starts with a UTF-16 byte-order mark (" + (b0 == 0xFE ? "big" : "little")
          + "-endian): it is UTF-16 (save the file as UTF-8)");
    }
  }

  private ClusterFormatException malformed(int length) {
    int at = bytes.position();
    // the characters decoded before the bad bytes are still to be delivered: count their lines
    int lineAt = line;
    boolean cr = lastWasCr;
    chars.flip();
    for (int i = chars.position(); i < chars.limit(); i++) {
      char c = chars.get(i);
      if (c == '\n') {
        if (!cr) {
          lineAt++;
        }
        cr = false;
      } else {
        cr = c == '\r';
        if (cr) {
          lineAt++;
        }
      }
    }
    StringBuilder hex = new StringBuilder();
    for (int i = at; i < Math.min(bytes.limit(), at + Math.max(length, 1) + 1); i++) {
      hex.append(hex.length() == 0 ? "" : " ").append(String.format("%02X", bytes.get(i) & 0xff));
    }
    return notUtf8(lineAt, "the bytes " + hex + " at byte " + (bytesBefore + at) + " are not UTF-8; "
        + guess(at) + " (save the file as UTF-8)");
  }

  /** What the bytes at a position look like. */
  private String guess(int at) {
    int b = bytes.get(at) & 0xff;
    int next = at + 1 < bytes.limit() ? bytes.get(at + 1) & 0xff : -1;
    boolean sjisLead = (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC);
    boolean sjisTrail = (next >= 0x40 && next <= 0x7E) || (next >= 0x80 && next <= 0xFC);
    if (sjisLead && sjisTrail) {
      return "it looks like Shift_JIS or another legacy encoding";
    }
    if (b >= 0x80 && (next < 0x80)) {
      return "it looks like Latin-1 (ISO-8859-1) or Windows-1252";
    }
    return "it looks like a legacy encoding (Latin-1, Windows-1252, Shift_JIS) or a damaged file";
  }

  private ClusterFormatException notUtf8(int atLine, String problem) {
    return new ClusterFormatException(file, atLine, null, null, "not UTF-8: " + problem);
  }

  @Override
  public void close() throws IOException {
    in.close();
  }
}
