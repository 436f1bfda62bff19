package dev.kiln.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class FixedBundleServeTest {
  private static final Path BUNDLE = Path.of("/tmp/model");

  @Test
  void reloadIsTurnedOffBeforeTheUsersOptions() {
    assertThat(FixedBundleServe.arguments(BUNDLE, List.of("--port", "9000")))
        .containsExactly("serve", "/tmp/model", "--no-reload", "--port", "9000");
  }

  @Test
  void aUserWhoAlsoAsksForNoReloadGetsTheFlagOnce() {
    String[] args = FixedBundleServe.arguments(BUNDLE, List.of("--no-reload", "--port", "9000"));
    assertThat(args).containsExactly("serve", "/tmp/model", "--no-reload", "--port", "9000");
    assertThat(KilnCommand.commandLine().parseArgs(args).subcommand().commandSpec()
        .name()).as("picocli refuses an option given twice; these parse").isEqualTo("serve");
  }
}
