package usedcars;

/**
 * One generated car before its price is set.
 *
 * @param model the make and model
 * @param age years between the model year and the listing year
 * @param mileageKm the odometer reading
 * @param fuel petrol, diesel, hybrid or electric
 * @param transmission manual or automatic
 * @param engineSizeL the engine size in litres (0 for electric cars)
 * @param owners previous owners
 * @param region where the car is listed
 */
record Listing(CarModel model, int age, long mileageKm, String fuel, String transmission,
    double engineSizeL, int owners, String region) {}
