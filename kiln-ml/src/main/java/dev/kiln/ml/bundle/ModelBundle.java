package dev.kiln.ml.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kiln.core.catalog.ContentHash;
import dev.kiln.data.Column;
import dev.kiln.data.Frame;
import dev.kiln.quality.profile.DataProfile;
import dev.kiln.ml.Model;
import dev.kiln.ml.ModelFormats;
import dev.kiln.ml.preprocess.FittedPreprocessor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes and loads model bundles: a folder (or zip) with {@code bundle.json}, the model file and
 * the fitted preprocessing, every file's SHA-256 recorded in the manifest and verified on load.
 * Nothing is Java-deserialised.
 */
public final class ModelBundle {
  /** The manifest file name inside a bundle. */
  public static final String MANIFEST = "bundle.json";
  static final String PREPROCESSING = "preprocessing.json";
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private ModelBundle() {}

  /**
   * Writes a bundle folder; the folder appears complete or not at all.
   *
   * @throws BundleException if the folder exists or cannot be written
   */
  public static BundleManifest write(BundleSpec spec, Path dir) {
    return write(spec, dir, false);
  }

  /**
   * Writes a bundle to {@code dir}, atomically replacing the bundle already there (readers see
   * the old one or the new one, never half of one).
   */
  public static BundleManifest replace(BundleSpec spec, Path dir) {
    return write(spec, dir, true);
  }

  private static BundleManifest write(BundleSpec spec, Path dir, boolean replace) {
    Model model = spec.model();
    String modelFile = ModelFormats.fileName(model.format());
    Map<String, byte[]> files = new TreeMap<>();
    files.put(modelFile, model.toBytes());
    files.put(PREPROCESSING, spec.preprocessing().toJson().getBytes(StandardCharsets.UTF_8));
    List<FieldSpec> inputs = new ArrayList<>();
    List<Column> inputColumns = new ArrayList<>();
    for (Column c : spec.trainingInputs().columns()) {
      if (!c.name().equals(spec.label())) {
        inputs.add(FieldSpec.of(c));
        inputColumns.add(c);
      }
    }
    BundleManifest unprofiled = new BundleManifest(BundleManifest.PLAIN_FORMAT_VERSION,
        spec.name(), spec.version(), model.task(), Instant.now().toString(), spec.label(),
        inputs, model.featureNames(), spec.threshold(), model.format(), modelFile, PREPROCESSING,
        spec.metrics(), null, spec.lineage(), Map.of(), null);
    Frame reference = withPredictions(new LoadedBundle(unprofiled, spec.preprocessing(), model),
        Frame.of(inputColumns));
    BundleManifest manifest = unprofiled.withReferenceProfile(
        JSON.valueToTree(DataProfile.of(reference)));
    return BundleFolder.write(dir, manifest, files, replace);
  }

  /**
   * Returns the training inputs plus the model's output on them ({@link
   * BundleManifest#predictionColumn()}), so the reference profile covers predictions too.
   */
  private static Frame withPredictions(LoadedBundle bundle, Frame inputs) {
    String output = bundle.manifest().predictionColumn();
    return inputs.withColumn(bundle.predict(inputs).column(output));
  }

  /**
   * Loads a bundle folder or zip with the options the environment sets (see {@link
   * LoadOptions#fromEnvironment()}): decrypted with {@code KILN_BUNDLE_KEY} if it is encrypted,
   * and refused unless signed when {@code KILN_BUNDLE_PUBLIC_KEY} is set.
   *
   * @throws BundleException naming the file that is missing, tampered or truncated, the
   *     incompatibility, or the missing key or signature
   */
  public static LoadedBundle load(Path path) {
    return load(path, LoadOptions.fromEnvironment());
  }

  /**
   * Loads a bundle folder or zip, verifying the format version and every file's checksum, then
   * the signature if the options require one, and decrypting the files if they are encrypted.
   *
   * @throws BundleException naming the file that is missing, tampered or truncated, the
   *     incompatibility, or the missing or wrong key or signature
   */
  public static LoadedBundle load(Path path, LoadOptions options) {
    return BundleLoader.load(path, options);
  }

  /**
   * Verifies a bundle's format version and checksums without loading the model; works on an
   * encrypted bundle without its key (the checksums are of the encrypted files).
   *
   * @return the manifest
   * @throws BundleException naming the file that is missing, tampered or truncated
   */
  public static BundleManifest verify(Path path) {
    return BundleContents.read(path).manifest();
  }

  /**
   * Packs a bundle folder into a zip file.
   *
   * @throws BundleException if the folder is not a bundle or the zip cannot be written
   */
  public static void zip(Path dir, Path zipFile) {
    verify(dir);
    try (OutputStream out = Files.newOutputStream(zipFile);
        ZipOutputStream zip = new ZipOutputStream(out);
        Stream<Path> list = Files.list(dir)) {
      for (Path f : list.sorted().toList()) {
        zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
        zip.write(Files.readAllBytes(f));
        zip.closeEntry();
      }
    } catch (IOException e) {
      throw new BundleException("Cannot write '" + zipFile + "': " + e.getMessage(), null, e);
    }
  }

  static String sha256(byte[] bytes) {
    return HexFormat.of().formatHex(ContentHash.sha256().digest(bytes));
  }

  static FittedPreprocessor preprocessing(byte[] json) {
    return FittedPreprocessor.fromJson(new String(json, StandardCharsets.UTF_8));
  }
}
