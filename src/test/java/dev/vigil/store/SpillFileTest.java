package dev.vigil.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.domain.Outcome;
import dev.vigil.domain.RunResult;
import dev.vigil.domain.RunSource;
import dev.vigil.domain.Status;
import dev.vigil.domain.StatusChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpillFileTest {
  @TempDir
  Path dir;

  @Test
  void entriesComeBackInTheOrderTheyWereAppendedAcrossSegments() {
    try (SpillFile spill = SpillFile.open(dir, 3)) {
      spill.append(runs(0, 4));
      spill.append(List.of(change(4)));
      spill.append(runs(5, 8));

      assertEquals(8, spill.size());
      assertEquals(List.of("r0", "r1", "r2", "r3", "cr4", "r5", "r6", "r7"), drainAll(spill, 2));
      assertTrue(spill.isEmpty());
    }
    assertEquals(0, segmentFiles());
  }

  @Test
  void whatWasNotConsumedIsFoundAgainAfterAReopen() {
    try (SpillFile spill = SpillFile.open(dir, 4)) {
      spill.append(runs(0, 10));
      SpillFile.Head head = spill.peek(5);
      spill.consume(head.lines());
    }
    try (SpillFile reopened = SpillFile.open(dir, 4)) {
      // the head segment's first 4 entries are gone; its 5th was consumed but the segment stays until whole
      assertEquals(List.of("r4", "r5", "r6", "r7", "r8", "r9"), drainAll(reopened, 100).subList(0, 6));
    }
  }

  @Test
  void appendsAfterAReopenGoToANewSegmentAfterTheOldOnes() {
    try (SpillFile spill = SpillFile.open(dir, 100)) {
      spill.append(runs(0, 3));
    }
    try (SpillFile reopened = SpillFile.open(dir, 100)) {
      reopened.append(runs(3, 5));
      assertEquals(ids(0, 5), drainAll(reopened, 2));
    }
  }

  @Test
  void droppingTheOldestSegmentReportsHowManyUnconsumedEntriesWent() {
    try (SpillFile spill = SpillFile.open(dir, 4)) {
      spill.append(runs(0, 10));
      spill.consume(spill.peek(1).lines());

      assertEquals(3, spill.dropOldest());
      assertEquals(6, spill.size());
      assertEquals(ids(4, 10), drainAll(spill, 3));
    }
  }

  @Test
  void aTornLastLineIsSkippedAndReportedNotFatal() throws IOException {
    try (SpillFile spill = SpillFile.open(dir, 10)) {
      spill.append(runs(0, 2));
    }
    Path segment = onlySegment();
    Files.writeString(segment, "{\"type\":\"run\",\"data\":{\"runId\":\"r2", StandardOpenOption.APPEND);

    try (SpillFile reopened = SpillFile.open(dir, 10)) {
      assertEquals(3, reopened.size());
      SpillFile.Head head = reopened.peek(10);
      assertEquals(List.of("r0", "r1"), head.entries().stream().map(SpillFileTest::id).toList());
      assertEquals(3, head.lines());
      assertEquals(1, head.unreadable());
      reopened.consume(head.lines());
      assertTrue(reopened.isEmpty());
    }
  }

  private List<String> drainAll(SpillFile spill, int batch) {
    List<String> seen = new java.util.ArrayList<>();
    for (SpillFile.Head head = spill.peek(batch); head.lines() > 0; head = spill.peek(batch)) {
      head.entries().forEach(e -> seen.add(id(e)));
      spill.consume(head.lines());
    }
    return seen;
  }

  private Path onlySegment() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.findFirst().orElseThrow();
    }
  }

  private long segmentFiles() {
    try (Stream<Path> files = Files.list(dir)) {
      return files.count();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String id(OutboxEntry entry) {
    return entry instanceof OutboxEntry.Run r ? r.run().runId() : "c" + ((OutboxEntry.Change) entry).change().runId();
  }

  private static List<String> ids(int from, int to) {
    return IntStream.range(from, to).mapToObj(i -> "r" + i).toList();
  }

  static List<OutboxEntry> runs(int from, int to) {
    return IntStream.range(from, to).<OutboxEntry>mapToObj(i -> new OutboxEntry.Run(run("r" + i))).toList();
  }

  static OutboxEntry change(int i) {
    return new OutboxEntry.Change(new StatusChange("t", "j", Status.UP, Status.DOWN, Instant.EPOCH, "down", "r" + i));
  }

  static RunResult run(String id) {
    return new RunResult(id, "t", "j", Instant.EPOCH, Instant.EPOCH, Duration.ofMillis(1), Outcome.PASSED,
        Optional.empty(), "passed", List.of(), List.of(), OptionalInt.empty(), false, "r", RunSource.SCHEDULE);
  }
}
