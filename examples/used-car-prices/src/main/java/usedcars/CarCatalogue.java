package usedcars;

import java.util.List;
import java.util.SplittableRandom;

/** The makes and models the generator lists, from budget to luxury. */
final class CarCatalogue {
  private static final List<String> P = List.of("petrol");
  private static final List<String> PD = List.of("petrol", "diesel");
  private static final List<String> PH = List.of("petrol", "hybrid");
  private static final List<String> PDH = List.of("petrol", "diesel", "hybrid");
  private static final List<String> E = List.of("electric");

  static final List<CarModel> MODELS = List.of(
      car("Toyota", "Yaris", 19_000, .11, PH, 1999, 8, 1.0, 1.3, 1.5),
      car("Toyota", "Corolla", 26_000, .11, PDH, 1990, 9, 1.4, 1.6, 1.8, 2.0),
      car("Toyota", "RAV4", 36_000, .10, PDH, 1994, 5, 2.0, 2.2, 2.5),
      car("Toyota", "Prius", 32_000, .12, List.of("hybrid"), 2000, 3, 1.8),
      car("Volkswagen", "Polo", 20_000, .12, PD, 1990, 9, 1.0, 1.2, 1.4, 1.6),
      car("Volkswagen", "Golf", 28_000, .12, List.of("petrol", "diesel", "hybrid", "electric"),
          1990, 12, 1.0, 1.4, 1.5, 2.0),
      car("Volkswagen", "Passat", 36_000, .14, PDH, 1990, 6, 1.4, 1.8, 2.0),
      car("Volkswagen", "ID.3", 38_000, .15, E, 2020, 3),
      car("Ford", "Fiesta", 17_000, .14, PD, 1990, 9, 1.0, 1.25, 1.4, 1.6),
      car("Ford", "Focus", 24_000, .14, List.of("petrol", "diesel", "electric"), 1998, 9,
          1.0, 1.5, 1.6, 2.0),
      car("Ford", "Kuga", 33_000, .14, PDH, 2008, 4, 1.5, 2.0, 2.5),
      car("Ford", "Mustang", 52_000, .09, P, 1994, 1, 2.3, 5.0),
      car("BMW", "3 Series", 45_000, .15, PDH, 1990, 7, 1.6, 2.0, 3.0),
      car("BMW", "5 Series", 58_000, .16, PDH, 1990, 4, 2.0, 3.0, 4.4),
      car("BMW", "X3", 55_000, .15, PDH, 2004, 3, 2.0, 3.0),
      car("BMW", "i3", 40_000, .17, E, 2013, 1),
      car("Mercedes-Benz", "A-Class", 34_000, .14, PD, 1997, 5, 1.3, 1.5, 2.0),
      car("Mercedes-Benz", "C-Class", 47_000, .15, PDH, 1993, 6, 1.5, 2.0, 3.0),
      car("Mercedes-Benz", "E-Class", 60_000, .16, PDH, 1993, 4, 2.0, 3.0),
      car("Audi", "A3", 32_000, .13, PDH, 1996, 6, 1.0, 1.4, 1.5, 2.0),
      car("Audi", "A4", 43_000, .14, PD, 1994, 5, 1.4, 2.0, 3.0),
      car("Audi", "Q5", 56_000, .14, PDH, 2008, 3, 2.0, 3.0),
      car("Renault", "Clio", 18_000, .14, PDH, 1990, 8, 0.9, 1.2, 1.5),
      car("Renault", "Zoe", 33_000, .18, E, 2012, 2),
      car("Skoda", "Fabia", 17_000, .12, PD, 1999, 6, 1.0, 1.2, 1.4),
      car("Skoda", "Octavia", 26_000, .12, PDH, 1996, 8, 1.0, 1.4, 1.6, 2.0),
      car("Hyundai", "i20", 18_000, .13, P, 2008, 4, 1.0, 1.2),
      car("Hyundai", "Tucson", 32_000, .13, PDH, 2004, 4, 1.6, 2.0),
      car("Hyundai", "Kona", 30_000, .14, List.of("petrol", "hybrid", "electric"), 2017, 3,
          1.0, 1.6),
      car("Nissan", "Leaf", 32_000, .19, E, 2011, 2),
      car("Nissan", "Qashqai", 28_000, .13, PD, 2007, 6, 1.2, 1.3, 1.5, 1.6),
      car("Tesla", "Model 3", 45_000, .13, E, 2017, 3),
      car("Tesla", "Model Y", 50_000, .12, E, 2020, 2),
      car("Porsche", "911", 120_000, .06, P, 1990, 1, 3.0, 3.8),
      car("Porsche", "Cayenne", 90_000, .12, PDH, 2002, 1, 3.0, 4.0),
      car("Porsche", "Taycan", 105_000, .16, E, 2019, 1),
      car("Kia", "Ceed", 22_000, .13, PD, 2007, 5, 1.0, 1.4, 1.6),
      car("Kia", "Niro", 31_000, .13, List.of("hybrid", "electric"), 2016, 3, 1.6),
      car("Fiat", "500", 15_000, .12, List.of("petrol", "hybrid", "electric"), 2007, 5,
          0.9, 1.2));

  private CarCatalogue() {}

  /** Picks a model sold with the fuel, in proportion to popularity. */
  static CarModel pick(String fuel, SplittableRandom random) {
    int total = 0;
    for (CarModel m : MODELS) {
      total += m.fuels().contains(fuel) ? m.popularity() : 0;
    }
    int ticket = random.nextInt(total);
    for (CarModel m : MODELS) {
      if (m.fuels().contains(fuel)) {
        ticket -= m.popularity();
        if (ticket < 0) {
          return m;
        }
      }
    }
    throw new IllegalStateException("no model runs on " + fuel);
  }

  private static CarModel car(String make, String model, double price, double depreciation,
      List<String> fuels, int since, int popularity, double... engines) {
    return new CarModel(make, model, price, depreciation, fuels,
        java.util.Arrays.stream(engines).boxed().toList(), since, popularity);
  }
}
