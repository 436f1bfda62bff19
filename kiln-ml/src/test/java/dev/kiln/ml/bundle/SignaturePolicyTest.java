package dev.kiln.ml.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignaturePolicyTest {
  @TempDir Path dir;
  private Path bundle;
  private LoadOptions trustAlice;

  @BeforeEach
  void keys() {
    bundle = BundleFixture.write(BundleFixture.data(), dir.resolve("bundle"));
    BundleSignatures.generateKeys(dir.resolve("alice"));
    BundleSignatures.generateKeys(dir.resolve("mallory"));
    trustAlice = LoadOptions.none().requireSignature(dir.resolve("alice.pub"));
  }

  @Test
  void signedByTrustedKey_loads_alsoFromAZip() {
    BundleSignatures.sign(bundle, dir.resolve("alice.key"));
    assertThat(ModelBundle.load(bundle, trustAlice).manifest().name()).isEqualTo("demo");
    Path zip = dir.resolve("b.zip");
    ModelBundle.zip(bundle, zip);
    assertThat(ModelBundle.load(zip, trustAlice).manifest().name()).isEqualTo("demo");
  }

  @Test
  void unsigned_isRefused_butLoadsWithoutAPolicy() {
    assertThatThrownBy(() -> ModelBundle.load(bundle, trustAlice))
        .isInstanceOf(BundleException.class).hasMessageContaining("is not signed")
        .hasMessageContaining("alice.pub");
    assertThat(ModelBundle.load(bundle, LoadOptions.none()).manifest().name()).isEqualTo("demo");
  }

  @Test
  void signedByAnotherKey_isRefused() {
    BundleSignatures.sign(bundle, dir.resolve("mallory.key"));
    assertThatThrownBy(() -> ModelBundle.load(bundle, trustAlice))
        .hasMessageContaining("does not match");
  }

  @Test
  void tamperedAfterSigning_isRefused() throws Exception {
    BundleSignatures.sign(bundle, dir.resolve("alice.key"));
    Path manifest = bundle.resolve("bundle.json");
    Files.writeString(manifest, Files.readString(manifest)
        .replace("\"threshold\" : 0.4", "\"threshold\" : 0.1"));
    assertThatThrownBy(() -> ModelBundle.load(bundle, trustAlice))
        .hasMessageContaining("does not match");
    Files.writeString(bundle.resolve("bundle.sig"), "not a signature");
    assertThatThrownBy(() -> ModelBundle.load(bundle, trustAlice))
        .hasMessageContaining("does not match");
  }

  @Test
  void environment_setsThePolicy_andEncryptedBundlesAreSignedAsStored() {
    LoadOptions env = LoadOptions.from(Map.of("KILN_BUNDLE_PUBLIC_KEY",
        dir.resolve("alice.pub").toString()));
    assertThat(env.trustedPublicKey()).isEqualTo(dir.resolve("alice.pub"));
    BundleKey key = BundleKey.generate();
    BundleEncryption.encrypt(bundle, key, bundle);
    BundleSignatures.sign(bundle, dir.resolve("alice.key"));
    assertThat(ModelBundle.load(bundle, env.withKey(key)).manifest().name()).isEqualTo("demo");
  }
}
