package dev.kiln.tracking;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A child process for {@link RegistryKillTest}: in the SQLite store {@code args[0]} with artifacts
 * under {@code args[1]}, registers folder {@code args[2]} as version 1 of model {@code fraud} with
 * alias {@code champion}, prints {@code v1}, then registers folder {@code args[3]} and, halfway
 * through the upload of its {@code model.json}, prints {@code uploading} and waits to be killed.
 */
public final class RegisteringProcess {
  private RegisteringProcess() {}

  /** Entry point. */
  public static void main(String[] args) {
    TrackingStore store = TrackingStores.sqlite(Path.of(args[0]));
    ArtifactStore disk = ArtifactStores.local(Path.of(args[1]));
    new ModelVersions(store, disk).register("fraud", Path.of(args[2]), null, Map.of());
    store.updateAlias("fraud", "champion", 1);
    System.out.println("v1");
    System.out.flush();
    ArtifactStore stalling = new ArtifactStore() {
      @Override
      public void put(String path, InputStream content) {
        disk.put(path, path.endsWith("model.json") ? new StallHalfway(content) : content);
      }

      @Override
      public InputStream get(String path) {
        return disk.get(path);
      }

      @Override
      public List<ArtifactInfo> list(String directory) {
        return disk.list(directory);
      }

      @Override
      public void delete(String path) {
        disk.delete(path);
      }
    };
    new ModelVersions(store, stalling).register("fraud", Path.of(args[3]), null, Map.of());
  }

  /** Passes bytes on until half were read, then announces it and never returns. */
  private static final class StallHalfway extends FilterInputStream {
    private long passed;

    StallHalfway(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (passed >= 100_000) {
        System.out.println("uploading");
        System.out.flush();
        while (true) {
          try {
            Thread.sleep(Long.MAX_VALUE);
          } catch (InterruptedException e) {
            // only SIGKILL ends this process
          }
        }
      }
      int n = super.read(b, off, (int) Math.min(len, 100_000 - passed));
      passed += Math.max(n, 0);
      return n;
    }
  }
}
