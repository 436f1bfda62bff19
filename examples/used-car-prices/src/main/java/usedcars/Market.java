package usedcars;

import dev.kiln.core.KilnException;
import java.util.List;

/**
 * The state of the used-car market a batch is drawn from: which cars are listed, and how they are
 * priced.
 *
 * @param meanAge the mean age of listed cars in years
 * @param kmPerYear the typical distance driven per year
 * @param fuelShares the shares of petrol, diesel, hybrid and electric listings
 * @param dieselFactor the price factor of diesel cars
 * @param electricFactor the price factor of electric cars
 * @param priceLevel the general price level (1 = the baseline market)
 */
public record Market(double meanAge, double kmPerYear, List<Double> fuelShares, double dieselFactor,
    double electricFactor, double priceLevel) {

  /** The fuels, in the order of {@link #fuelShares()}. */
  public static final List<String> FUELS = List.of("petrol", "diesel", "hybrid", "electric");

  /** The training market: older cars, mostly petrol and diesel. */
  public static final Market BASELINE = new Market(8.5, 15_000,
      List.of(0.55, 0.30, 0.10, 0.05), 1.03, 1.0, 1.0);

  /**
   * A later market: newer cars driven less, many more hybrids and electrics; diesels and electrics
   * sell for less (bans, price cuts on new electrics) and everything else for more.
   */
  public static final Market DRIFTED = new Market(3.5, 11_000,
      List.of(0.33, 0.10, 0.30, 0.27), 0.85, 0.78, 1.10);

  /** Copies the shares. */
  public Market {
    fuelShares = List.copyOf(fuelShares);
  }

  /**
   * Returns a market by name.
   *
   * @throws KilnException for a name other than baseline or drifted
   */
  public static Market of(String name) {
    return switch (name) {
      case "baseline" -> BASELINE;
      case "drifted" -> DRIFTED;
      default -> throw new KilnException("Market '" + name + "' is not known.",
          "use market: baseline or market: drifted in parameters.yml");
    };
  }
}
