package usedcars;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates used-car listings, deterministically from a seed: fuel by the market's shares, a model
 * sold with that fuel, an age (Erlang-distributed, never before the model existed), mileage from
 * the age, transmission, engine size, owners, region, and the price from {@link PriceModel}.
 * About 1.5% of combustion cars do not state their engine size (left empty, for the imputer).
 */
final class ListingGenerator {
  private static final List<String> REGIONS = List.of("north", "south", "east", "west",
      "capital");
  private static final List<Double> REGION_SHARES = List.of(0.22, 0.24, 0.18, 0.20, 0.16);
  private static final long MAX_KM = 600_000;

  private ListingGenerator() {}

  /** Generates a batch; rows with defects are injected by {@link BadRows} afterwards. */
  static ListingColumns generate(BatchOptions options, int listingYear) {
    Market market = Market.of(options.market());
    SplittableRandom random = new SplittableRandom(options.seed());
    ListingColumns out = new ListingColumns(options.rows());
    for (int i = 0; i < options.rows(); i++) {
      Listing car = listing(market, listingYear, random);
      out.set(i, options.firstId() + i, listingYear - car.age(), car,
          PriceModel.price(car, market, random));
      if (car.engineSizeL() > 0 && random.nextDouble() < 0.015) {
        out.engineMissing.set(i);
      }
    }
    return out;
  }

  private static Listing listing(Market market, int listingYear, SplittableRandom random) {
    String fuel = Market.FUELS.get(pick(market.fuelShares(), random));
    CarModel model = CarCatalogue.pick(fuel, random);
    int age = age(market, listingYear - Math.max(1990, model.since()), random);
    boolean electric = fuel.equals("electric");
    double perYear = market.kmPerYear() * Math.min(2.5, Math.exp(0.35 * random.nextGaussian()))
        * (electric ? 0.8 : 1.0);
    long km = Math.min(MAX_KM, Math.round((age + random.nextDouble()) * perYear / 10) * 10);
    double engine = electric ? 0 : model.engines().get(random.nextInt(model.engines().size()));
    return new Listing(model, age, km, fuel, transmission(fuel, model, age, random), engine,
        owners(age, random), REGIONS.get(pick(REGION_SHARES, random)));
  }

  /** An Erlang-2 age with the market's mean, redrawn while older than the model. */
  private static int age(Market market, int maxAge, SplittableRandom random) {
    for (int attempt = 0; attempt < 20; attempt++) {
      double age = -market.meanAge() / 2
          * (Math.log(1 - random.nextDouble()) + Math.log(1 - random.nextDouble()));
      if (age <= maxAge) {
        return (int) age;
      }
    }
    return random.nextInt(maxAge + 1);
  }

  /** Electrics are automatic; automatics grow commoner with newer and dearer cars. */
  private static String transmission(String fuel, CarModel model, int age,
      SplittableRandom random) {
    double automatic = switch (fuel) {
      case "electric" -> 1.0;
      case "hybrid" -> 0.92;
      default -> Math.min(0.95, 0.55 - 0.02 * age + (model.newPrice() > 40_000 ? 0.3 : 0));
    };
    return random.nextDouble() < automatic ? "automatic" : "manual";
  }

  private static int owners(int age, SplittableRandom random) {
    if (age == 0) {
      return random.nextDouble() < 0.7 ? 0 : 1;
    }
    int owners = 1;
    double p = Math.min(0.6, age / 25.0);
    while (owners < 10 && random.nextDouble() < p) {
      owners++;
    }
    return owners;
  }

  private static int pick(List<Double> shares, SplittableRandom random) {
    double u = random.nextDouble();
    for (int k = 0; k < shares.size() - 1; k++) {
      u -= shares.get(k);
      if (u < 0) {
        return k;
      }
    }
    return shares.size() - 1;
  }
}
