package dev.kiln.cli;

import dev.kiln.core.KilnException;
import java.net.BindException;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Turns a server's failure to listen (the port is taken, the address is not this machine's)
 * into a user error naming the port and the fix, for every command that serves.
 */
final class ListenErrors {
  private ListenErrors() {}

  /**
   * Returns the user error for a failure to listen anywhere in {@code e}'s causes, or null.
   *
   * @param command the command that failed, whose {@code --host} and {@code --port} are named
   */
  static KilnException of(Throwable e, CommandLine command) {
    for (Throwable c = e; c != null; c = c.getCause()) {
      if (c instanceof BindException bind) {
        return describe(bind, option(command, "--host"), option(command, "--port"));
      }
    }
    return null;
  }

  private static KilnException describe(BindException e, Object host, Object port) {
    String where = (host == null ? "" : host + ":") + port;
    String reason = e.getMessage() == null ? "" : e.getMessage();
    if (reason.contains("in use")) {
      return new KilnException("Port " + port + " is already in use" + (host == null ? ""
          : " on " + host) + ": another process listens on " + where + ".",
          "stop that process ('ss -ltnp sport = :" + port + "' shows it), or pass --port with"
              + " another port (--port 0 picks a free one)");
    }
    return new KilnException("Cannot listen on " + where + ": " + reason + ".",
        "pass --host with an address of this machine (0.0.0.0: all, 127.0.0.1: this machine"
            + " only), and a --port from 1024 up unless running with privileges");
  }

  private static Object option(CommandLine command, String name) {
    OptionSpec option = command == null ? null : command.getCommandSpec().findOption(name);
    return option == null ? null : option.getValue();
  }
}
