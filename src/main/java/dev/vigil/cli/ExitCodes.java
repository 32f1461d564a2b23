package dev.vigil.cli;

/** The documented exit codes of every {@code vigil} command. */
public final class ExitCodes {
  /** The command did what was asked: files valid, journey passed. */
  public static final int OK = 0;
  /** The answer is no: a journey run did not pass, or the files are invalid. */
  public static final int FAILED = 1;
  /** The command line or configuration is wrong; nothing was run. */
  public static final int USAGE = 2;
  /** The check could not run: Odoo unreachable or the login refused. */
  public static final int CANNOT_RUN = 3;

  private ExitCodes() {}
}
