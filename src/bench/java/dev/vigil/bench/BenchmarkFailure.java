package dev.vigil.bench;

/**
 * The benchmark cannot go on, for a reason its message says in full (a child process exited, with
 * the end of its log; a timeout): printed without a stack trace.
 */
final class BenchmarkFailure extends RuntimeException {
  BenchmarkFailure(String message) {
    super(message);
  }
}
