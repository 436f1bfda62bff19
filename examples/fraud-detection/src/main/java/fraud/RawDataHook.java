package fraud;

import dev.kiln.core.KilnException;
import dev.kiln.core.hooks.Hook;
import dev.kiln.core.hooks.RunInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Writes the generated stand-in for Kaggle's credit-card file before a run when
 * data/01_raw/creditcard.csv is missing. Drop the real file there to use real data instead.
 */
public final class RawDataHook implements Hook {
  @Override
  public void beforePipelineRun(RunInfo run) {
    Path file = run.projectDir().resolve("data/01_raw/creditcard.csv");
    if (Files.exists(file)) {
      return;
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> options = (Map<String, Object>) run.parameters()
        .getOrDefault("raw_data", Map.of());
    int rows = ((Number) options.getOrDefault("rows", CreditCardGenerator.KAGGLE_ROWS)).intValue();
    long seed = ((Number) options.getOrDefault("seed", 42)).longValue();
    try {
      System.out.printf("Generating %,d transactions into %s%n", rows, file);
      CreditCardGenerator.write(file, rows, seed);
    } catch (IOException e) {
      throw new KilnException("Cannot write '" + file + "': " + e.getMessage(),
          "check that the data folder is writable", e);
    }
  }
}
