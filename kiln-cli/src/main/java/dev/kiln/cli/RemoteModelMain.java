package dev.kiln.cli;

import dev.kiln.deploy.FetchAtStart;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The entrypoint of an image that fetches its model at start ({@code kiln package --target image
 * --fetch-from URL}): downloads {@code models:/NAME@alias} from the tracking server named by
 * {@code KILN_TRACKING_URI} (credentials from {@code MLFLOW_TRACKING_TOKEN}, or {@code
 * MLFLOW_TRACKING_USERNAME} and {@code MLFLOW_TRACKING_PASSWORD}), verifies it, and runs
 * {@code kiln serve} on it. A server that cannot be reached is retried for {@code
 * KILN_FETCH_WAIT} (default 60s) before the container exits with code 2.
 */
public final class RemoteModelMain {
  /** The variable holding how long to wait for an unreachable tracking server. */
  static final String WAIT_ENV = "KILN_FETCH_WAIT";

  private RemoteModelMain() {}

  /** Fetches the model named first, then serves it; the other arguments are serve options. */
  public static void main(String[] args) throws IOException {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    if (args.length == 0 || !args[0].startsWith("models:/")) {
      err.println("Error: the first argument must be the model to fetch, e.g."
          + " models:/fraud-detection@champion, got " + Arrays.toString(args) + ".");
      System.exit(Main.BAD_INPUT);
    }
    Path dir = FetchAtStart.newModelFolder();
    String wait = System.getenv().getOrDefault(WAIT_ENV, "60s");
    int code = Main.execute(new String[] {"models", "download", args[0], "--output",
        dir.toString(), "--wait", wait}, out, err);
    if (code != 0) {
      System.exit(code);
    }
    Main.main(FixedBundleServe.arguments(dir, Arrays.asList(args).subList(1, args.length)));
  }
}
