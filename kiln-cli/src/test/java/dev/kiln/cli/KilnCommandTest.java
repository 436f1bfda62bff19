package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top-level command line: every subcommand under the name its own {@code @Command} gives,
 * only the named one when the arguments start with a subcommand, and all of them otherwise.
 */
class KilnCommandTest {
  @Test
  void commandLine_full_registersEverySubcommandUnderItsAnnotatedName() {
    CommandLine cli = KilnCommand.commandLine();
    assertThat(cli.getSubcommands()).hasSizeGreaterThan(20).containsKeys("serve", "run",
        "models", "package", "completion");
    cli.getSubcommands().forEach((name, sub) -> assertThat(
        sub.getCommand().getClass().getAnnotation(Command.class).name()).as(name).isEqualTo(name));
  }

  @Test
  void commandLine_startingWithSubcommand_registersOnlyThatOne() {
    CommandLine cli = KilnCommand.commandLine(new String[] {"serve", "bundle", "--port", "0"});
    assertThat(cli.getSubcommands()).containsOnlyKeys("serve");
    CommandLine.ParseResult parsed = cli.parseArgs("serve", "bundle", "--debug");
    assertThat(parsed.subcommand().commandSpec().name()).isEqualTo("serve");
    assertThat(parsed.subcommand().hasMatchedOption("--debug")).as("inherited option").isTrue();
  }

  @Test
  void commandLine_optionOrUnknownFirst_registersAll() {
    assertThat(KilnCommand.commandLine(new String[] {"--debug", "serve"}).getSubcommands())
        .hasSameSizeAs(KilnCommand.commandLine().getSubcommands());
    assertThat(KilnCommand.commandLine(new String[] {"serv"}).getSubcommands())
        .hasSameSizeAs(KilnCommand.commandLine().getSubcommands());
    assertThat(KilnCommand.commandLine(new String[] {"completion", "bash"}).getSubcommands())
        .as("the completion script covers every command")
        .hasSameSizeAs(KilnCommand.commandLine().getSubcommands());
  }

  @Test
  void execute_misspelledSubcommand_stillSuggestsTheRightOne() {
    StringWriter err = new StringWriter();
    int code = Main.execute(new String[] {"serv"}, new PrintWriter(new StringWriter()),
        new PrintWriter(err));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("serve");
  }

  @Test
  void execute_subcommandHelp_namesTheFullCommand() {
    StringWriter out = new StringWriter();
    int code = Main.execute(new String[] {"serve", "--help"}, new PrintWriter(out),
        new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    assertThat(out.toString()).contains("Usage: kiln serve");
  }
}
