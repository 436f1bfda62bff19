package dev.kiln.bench;

import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import dev.kiln.data.TimestampColumn;
import java.util.SplittableRandom;

/**
 * A seeded table shaped like a public taxi-trip file: a pickup time (a local timestamp over one
 * year), two integers (passengers, distance in metres) and two strings of ~230 distinct zone
 * names each (pickup and drop-off zones), skewed as real zones are. No data file is committed:
 * the benchmark generates it.
 */
final class TripTable {
  static final int ZONES = 231;
  private static final String[] BOROUGHS = {"Manhattan", "Brooklyn", "Queens", "Bronx",
      "Staten Island", "EWR"};
  private static final String[] PARTS = {"Heights", "Park", "Village", "Hill", "Square",
      "Point", "Harbor", "Gardens", "Terrace", "Beach", "Center", "East", "West", "North"};
  private static final long YEAR_MICROS = 365L * 86_400_000_000L;
  private static final long START = 1_672_531_200_000_000L; // 2023-01-01T00:00 (local)

  private TripTable() {}

  /** Returns {@code rows} trips drawn from a seed. */
  static Frame generate(int rows, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] zones = zoneNames();
    long[] pickup = new long[rows];
    long[] passengers = new long[rows];
    long[] metres = new long[rows];
    int[] from = new int[rows];
    int[] to = new int[rows];
    for (int i = 0; i < rows; i++) {
      pickup[i] = START + (long) (random.nextDouble() * YEAR_MICROS) / 1_000_000 * 1_000_000;
      passengers[i] = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(5));
      metres[i] = (long) (-Math.log(1 - random.nextDouble()) * 3_000);
      from[i] = skewed(random);
      to[i] = skewed(random);
    }
    return Frame.of(new TimestampColumn("pickup_time", pickup, null, TimestampColumn.Kind.LOCAL),
        LongColumn.of("passengers", passengers), LongColumn.of("distance_m", metres),
        StringColumn.ofCodes("pickup_zone", from, zones.clone()),
        StringColumn.ofCodes("dropoff_zone", to, zones.clone()));
  }

  /** A zone index, a few zones far more frequent than the rest. */
  private static int skewed(SplittableRandom random) {
    double u = random.nextDouble();
    return (int) (ZONES * u * u * u);
  }

  private static String[] zoneNames() {
    String[] out = new String[ZONES];
    for (int i = 0; i < ZONES; i++) {
      out[i] = BOROUGHS[i % BOROUGHS.length] + " / " + PARTS[(i / 6) % PARTS.length] + " "
          + (i / 84 + 1);
    }
    return out;
  }
}
