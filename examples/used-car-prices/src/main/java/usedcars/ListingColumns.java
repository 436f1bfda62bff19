package usedcars;

import dev.kiln.data.DoubleColumn;
import dev.kiln.data.Frame;
import dev.kiln.data.LongColumn;
import dev.kiln.data.StringColumn;
import java.util.BitSet;

/** The listings as columns, while defects are injected; {@link #toFrame()} ends it. */
final class ListingColumns {
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
