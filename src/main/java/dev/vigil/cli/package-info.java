/**
 * The {@code vigil} command line (picocli): argument parsing, printing and exit codes. The only
 * package that writes to standard output and waits for futures on the main thread.
 */
package dev.vigil.cli;
