package usedcars;

import java.util.List;

/**
 * One make and model on the used-car market.
 *
 * @param make the manufacturer, e.g. {@code Toyota}
 * @param model the model name, e.g. {@code Corolla}
 * @param newPrice the typical price new, in euros
 * @param depreciation the yearly rate at which the value falls (0.12 = about 12% a year)
 * @param fuels the fuels it was sold with
 * @param engines the engine sizes in litres of its combustion versions (empty if electric only)
 * @param since the first model year
 * @param popularity the relative number of listings
 */
public record CarModel(String make, String model, double newPrice, double depreciation,
    List<String> fuels, List<Double> engines, int since, int popularity) {

  /** Copies the lists. */
  public CarModel {
    fuels = List.copyOf(fuels);
    engines = List.copyOf(engines);
  }

  /** Returns the mean engine size of the combustion versions, or 0. */
  public double meanEngine() {
    return engines.stream().mapToDouble(Double::doubleValue).average().orElse(0);
  }
}
