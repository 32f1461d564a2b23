package dev.vigil.store;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Results waiting for the history store, on disk: append-only segment files of JSON lines
 * ({@code 00000000000000000001.jsonl}, ...) in one directory, read back oldest first. A segment
 * holds at most {@code segmentSize} entries and is deleted once every entry of it is stored, so
 * what a restart finds is exactly what was not stored yet (give or take the entries of the head
 * segment already written, which an idempotent store takes again harmlessly).
 *
 * <p>Blocking file I/O: call from one worker thread at a time, never from an event loop. Appends
 * are flushed to the operating system at once (they survive the process, not a power cut).
 */
public final class SpillFile implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SpillFile.class);
  private static final String SUFFIX = ".jsonl";

  private final Path dir;
  private final int segmentSize;
  private final Deque<Segment> segments = new ArrayDeque<>();
  private long size;
  private BufferedWriter tail;
  private List<String> headLines;
  private int headOffset;

  private SpillFile(Path dir, int segmentSize) {
    this.dir = dir;
    this.segmentSize = segmentSize;
  }

  /** Opens the spill directory (created if missing) with the segments a previous process left. */
  public static SpillFile open(Path dir, int segmentSize) {
    if (segmentSize < 1) {
      throw new IllegalArgumentException("segmentSize must be at least 1, was " + segmentSize);
    }
    SpillFile spill = new SpillFile(dir, segmentSize);
    try {
      Files.createDirectories(dir);
      try (Stream<Path> files = Files.list(dir)) {
        for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
          int lines = countLines(file);
          spill.segments.addLast(new Segment(file, sequence(file), lines));
          spill.size += lines;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the spill directory " + dir + ": " + e.getMessage(), e);
    }
    return spill;
  }

  /** Entries held, not yet consumed. */
  public long size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Appends entries after every other, in their order. */
  public void append(List<OutboxEntry> entries) {
    try {
      for (OutboxEntry entry : entries) {
        Segment last = segments.peekLast();
        if (tail == null || last.lines >= segmentSize) {
          startSegment();
          last = segments.peekLast();
        }
        tail.write(entry.toJson().encode());
        tail.write('\n');
        last.lines++;
        size++;
      }
      if (tail != null) {
        tail.flush();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot append to the spill file in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The oldest entries not consumed yet, at most {@code max}; lines that cannot be read (a line
   * torn by a crash) are skipped, logged and reported, so they are consumed with the others.
   */
  public Head peek(int max) {
    if (segments.isEmpty()) {
      return new Head(List.of(), 0, 0);
    }
    loadHead();
    List<OutboxEntry> entries = new ArrayList<>();
    int lines = 0;
    int unreadable = 0;
    Segment head = segments.peekFirst();
    for (int i = headOffset; i < headLines.size() && entries.size() < max; i++) {
      lines++;
      try {
        entries.add(OutboxEntry.fromJson(new JsonObject(headLines.get(i))));
      } catch (DecodeException | IllegalArgumentException | NullPointerException | ClassCastException e) {
        unreadable++;
        LOG.warn("{}:{}: skipped an unreadable buffered result ({})", head.file, i + 1, e.getMessage());
      }
    }
    return new Head(entries, lines, unreadable);
  }

  /** Marks the first {@code lines} lines returned by {@link #peek} as stored. */
  public void consume(int lines) {
    Segment head = segments.peekFirst();
    if (head == null || lines <= 0) {
      return;
    }
    headOffset += lines;
    size -= lines;
    if (headOffset >= head.lines) {
      deleteHead();
    }
  }

  /** Drops the oldest segment whole; returns how many unconsumed entries went with it. */
  public long dropOldest() {
    Segment head = segments.peekFirst();
    if (head == null) {
      return 0;
    }
    if (segments.size() == 1) {
      closeTail();
    }
    long dropped = head.lines - headOffset;
    size -= dropped;
    deleteHead();
    return dropped;
  }

  @Override
  public void close() {
    closeTail();
  }

  private void loadHead() {
    if (headLines != null) {
      return;
    }
    Segment head = segments.peekFirst();
    if (segments.size() == 1) {
      closeTail();
    }
    try {
      headLines = Files.readAllLines(head.file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the spill file " + head.file + ": " + e.getMessage(), e);
    }
    if (headLines.size() != head.lines) {
      size += headLines.size() - head.lines;
      head.lines = headLines.size();
    }
  }

  private void deleteHead() {
    Segment head = segments.removeFirst();
    headLines = null;
    headOffset = 0;
    try {
      Files.deleteIfExists(head.file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete the stored spill file " + head.file + ": " + e.getMessage(), e);
    }
  }

  private void startSegment() throws IOException {
    closeTail();
    long next = segments.isEmpty() ? 1 : segments.peekLast().sequence + 1;
    Path file = dir.resolve(String.format("%020d%s", next, SUFFIX));
    tail = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW,
        StandardOpenOption.WRITE);
    segments.addLast(new Segment(file, next, 0));
  }

  private void closeTail() {
    if (tail == null) {
      return;
    }
    try {
      tail.close();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the spill file in " + dir + ": " + e.getMessage(), e);
    } finally {
      tail = null;
    }
  }

  private static int countLines(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return (int) lines.count();
    }
  }

  private static long sequence(Path file) {
    String name = file.getFileName().toString();
    try {
      return Long.parseLong(name.substring(0, name.length() - SUFFIX.length()));
    } catch (NumberFormatException e) {
      throw new IllegalStateException(file + " is not a spill segment (expected NNN.jsonl); move it out of " + file.getParent(), e);
    }
  }

  /**
   * What {@link #peek} found.
   *
   * @param lines lines read, to pass to {@link #consume}: the entries plus unreadable lines
   * @param unreadable lines skipped because they could not be read
   */
  public record Head(List<OutboxEntry> entries, int lines, int unreadable) {}

  private static final class Segment {
    final Path file;
    final long sequence;
    int lines;

    Segment(Path file, long sequence, int lines) {
      this.file = file;
      this.sequence = sequence;
      this.lines = lines;
    }
  }
}
