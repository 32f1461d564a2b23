package dev.vigil;

import dev.vigil.cli.VigilCommand;

/** The {@code vigil} command: parses the command line and exits with the command's code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(VigilCommand.commandLine().execute(args));
  }
}
