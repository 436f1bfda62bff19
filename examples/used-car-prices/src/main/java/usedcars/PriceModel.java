package usedcars;

import java.util.Map;
import java.util.SplittableRandom;

/**
 * The asking price of a listing: the model's price new, lowered by age (a first-year drop, then
 * a yearly rate), by mileage (above what the age suggests, and steeply past 200,000 km) and by
 * each previous owner, adjusted for engine size, fuel, transmission and region, with about 9%
 * log-normal noise. Never below 300 euros.
 */
final class PriceModel {
  private static final Map<String, Double> REGION = Map.of("capital", 1.05, "north", 0.97,
      "south", 1.0, "east", 0.95, "west", 1.02);

  private PriceModel() {}

  /** Returns the price in euros, rounded to 10. */
  static double price(Listing car, Market market, SplittableRandom random) {
    CarModel model = car.model();
    double value = model.newPrice() * market.priceLevel();
    if (car.age() >= 1) {
      double rate = model.depreciation() + (car.fuel().equals("electric") ? 0.03 : 0);
      value *= 0.85 * Math.exp(-rate * car.age());
    } else {
      value *= 0.93;
    }
    double expectedKm = Math.max(1, car.age()) * 15_000;
    value *= Math.exp(-0.25 * (car.mileageKm() - expectedKm) / 100_000);
    value *= car.mileageKm() > 200_000 ? 0.8 : 1.0;
    value *= Math.pow(0.96, Math.max(0, car.owners() - 1));
    value *= 1 + 0.18 * (car.engineSizeL() - model.meanEngine());
    value *= switch (car.fuel()) {
      case "diesel" -> market.dieselFactor();
      case "hybrid" -> 1.06;
      case "electric" -> market.electricFactor();
      default -> 1.0;
    };
    value *= car.transmission().equals("automatic") ? 1.06 : 1.0;
    value *= REGION.get(car.region());
    value *= Math.exp(0.09 * random.nextGaussian());
    return Math.round(Math.max(300, value) / 10) * 10.0;
  }
}
