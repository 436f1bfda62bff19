package usedcars;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import java.util.BitSet;
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
  private static final double[] REGION_SHARES = {0.22, 0.24, 0.18, 0.20, 0.16};
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
    double engine = electric ? 0 : model.engines()[random.nextInt(model.engines().length)];
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

  private static int pick(double[] shares, SplittableRandom random) {
    double u = random.nextDouble();
    for (int k = 0; k < shares.length - 1; k++) {
      u -= shares[k];
      if (u < 0) {
        return k;
      }
    }
    return shares.length - 1;
  }

  /** The listings as columns, while defects are injected; {@link #toFrame()} ends it. */
  static final class ListingColumns {
    final long[] id;
    final long[] year;
    final long[] mileage;
    final String[] make;
    final String[] model;
    final String[] fuel;
    final String[] transmission;
    final double[] engine;
    final BitSet engineMissing = new BitSet();
    final long[] owners;
    final String[] region;
    final double[] price;
    final BitSet priceMissing = new BitSet();

    ListingColumns(int rows) {
      id = new long[rows];
      year = new long[rows];
      mileage = new long[rows];
      make = new String[rows];
      model = new String[rows];
      fuel = new String[rows];
      transmission = new String[rows];
      engine = new double[rows];
      owners = new long[rows];
      region = new String[rows];
      price = new double[rows];
    }

    void set(int i, long listingId, int modelYear, Listing car, double carPrice) {
      id[i] = listingId;
      year[i] = modelYear;
      mileage[i] = car.mileageKm();
      make[i] = car.model().make();
      model[i] = car.model().model();
      fuel[i] = car.fuel();
      transmission[i] = car.transmission();
      engine[i] = car.engineSizeL();
      owners[i] = car.owners();
      region[i] = car.region();
      price[i] = carPrice;
    }

    int rows() {
      return id.length;
    }

    Frame toFrame() {
      return Frame.of(LongColumn.of("listing_id", id), LongColumn.of("year", year),
          LongColumn.of("mileage_km", mileage), StringColumn.of("make", make),
          StringColumn.of("model", model), StringColumn.of("fuel", fuel),
          StringColumn.of("transmission", transmission),
          new DoubleColumn("engine_size_l", engine, engineMissing),
          LongColumn.of("owners", owners), StringColumn.of("region", region),
          new DoubleColumn("price", price, priceMissing));
    }
  }
}
