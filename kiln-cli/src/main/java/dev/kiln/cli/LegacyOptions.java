package dev.kiln.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * Old option spellings that are still accepted, hidden from help, so scripts written before the
 * names were made consistent keep working: {@code --output} names what a command writes,
 * {@code --private-key}/{@code --public-key} the signing keys, {@code --key-file}/{@code --key-env}
 * the encryption key.
 */
final class LegacyOptions {
  private record Alias(List<String> command, String old, String current) {}

  private static final List<Alias> ALIASES = List.of(
      new Alias(List.of("bundle", "sign"), "--key", "--private-key"),
      new Alias(List.of("models", "download"), "--to", "--output"),
      new Alias(List.of("package"), "--out", "--output"));

  private LegacyOptions() {}

  /** Returns the arguments with the old spellings of the invoked command's options replaced. */
  static String[] rewrite(String[] args) {
    List<String> words = new ArrayList<>();
    int i = 0;
    while (i < args.length && (args[i].equals("--debug") || !args[i].startsWith("-"))) {
      if (!args[i].startsWith("-")) {
        words.add(args[i]);
      }
      i++;
    }
    String[] result = args.clone();
    for (Alias alias : ALIASES) {
      if (words.size() < alias.command().size()
          || !words.subList(0, alias.command().size()).equals(alias.command())) {
        continue;
      }
      for (int j = i; j < result.length; j++) {
        if (result[j].equals(alias.old())) {
          result[j] = alias.current();
        } else if (result[j].startsWith(alias.old() + "=")) {
          result[j] = alias.current() + result[j].substring(alias.old().length());
        }
      }
    }
    return result;
  }
}
