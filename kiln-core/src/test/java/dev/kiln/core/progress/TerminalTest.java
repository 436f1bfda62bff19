package dev.kiln.core.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TerminalTest {
  @Test
  void stderrAndConsole_ofATestRunAreNotATerminal() {
    assertThat(Terminal.stderr()).isFalse();
    assertThat(Terminal.interactive()).isFalse();
  }
}
