package dev.kiln.ml.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kiln.data.Frame;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleEncryptionTest {
  @TempDir Path dir;
  private Frame data;
  private Path plain;
  private Path encrypted;
  private BundleKey key;

  @BeforeEach
  void encrypt() {
    data = BundleFixture.data();
    plain = BundleFixture.write(data, dir.resolve("plain"));
    key = BundleKey.generate();
    encrypted = dir.resolve("encrypted");
    BundleEncryption.encrypt(plain, key, encrypted);
  }

  @Test
  void encrypted_loadsWithKey_andPredictsLikeThePlainBundle() throws Exception {
    LoadedBundle loaded = ModelBundle.load(encrypted, LoadOptions.none().withKey(key));
    Frame input = data.drop(List.of("y"));
    assertThat(loaded.predict(input).column("probability").toDoubleArray())
        .containsExactly(ModelBundle.load(plain).predict(input).column("probability")
            .toDoubleArray());
    String manifest = Files.readString(encrypted.resolve("bundle.json"));
    assertThat(manifest).contains("\"algorithm\" : \"AES-256-GCM\"", "\"key_id\" : \"" + key.id())
        .contains("\"format_version\" : 2");
    assertThat(Files.readAllBytes(encrypted.resolve("model.json")))
        .isNotEqualTo(Files.readAllBytes(plain.resolve("model.json")));
    assertThat(ModelBundle.verify(encrypted).name()).isEqualTo("demo");
  }

  @Test
  void missingOrWrongKey_isRefusedWithTheFix() {
    assertThatThrownBy(() -> ModelBundle.load(encrypted, LoadOptions.none()))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("is encrypted (key id " + key.id())
        .hasMessageContaining("no key was given")
        .satisfies(e -> assertThat(((BundleException) e).hint().orElseThrow())
            .contains("KILN_BUNDLE_KEY"));
    BundleKey other = BundleKey.generate();
    assertThatThrownBy(() -> ModelBundle.load(encrypted, LoadOptions.none().withKey(other)))
        .hasMessageContaining("encrypted with key id " + key.id())
        .hasMessageContaining("the key given has id " + other.id());
  }

  @Test
  void tamperedCiphertext_isRefusedByChecksumOrElseByTheTag() throws Exception {
    Path model = encrypted.resolve("model.json");
    byte[] bytes = Files.readAllBytes(model);
    bytes[bytes.length / 2] ^= 1;
    Files.write(model, bytes);
    LoadOptions withKey = LoadOptions.none().withKey(key);
    assertThatThrownBy(() -> ModelBundle.load(encrypted, withKey))
        .hasMessageContaining("'model.json'").hasMessageContaining("checksum");
    rewriteChecksum("model.json", bytes);
    assertThatThrownBy(() -> ModelBundle.load(encrypted, withKey))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("File 'model.json'").hasMessageContaining("fails AES-GCM");
  }

  @Test
  void swappedFiles_failAuthentication() throws Exception {
    byte[] model = Files.readAllBytes(encrypted.resolve("model.json"));
    byte[] prep = Files.readAllBytes(encrypted.resolve("preprocessing.json"));
    Files.write(encrypted.resolve("model.json"), prep);
    Files.write(encrypted.resolve("preprocessing.json"), model);
    rewriteChecksum("model.json", prep);
    rewriteChecksum("preprocessing.json", model);
    assertThatThrownBy(() -> ModelBundle.load(encrypted, LoadOptions.none().withKey(key)))
        .hasMessageContaining("fails AES-GCM");
  }

  @Test
  void decrypt_inPlace_givesBackThePlainBundle() throws Exception {
    BundleEncryption.decrypt(encrypted, key, encrypted);
    assertThat(ModelBundle.verify(encrypted).encryption()).isNull();
    assertThat(Files.readAllBytes(encrypted.resolve("model.json")))
        .isEqualTo(Files.readAllBytes(plain.resolve("model.json")));
    assertThat(Files.readString(encrypted.resolve("bundle.json")))
        .contains("\"format_version\" : 1");
    assertThatThrownBy(() -> BundleEncryption.decrypt(plain, key, dir.resolve("x")))
        .hasMessageContaining("is not encrypted");
    assertThatThrownBy(() -> BundleEncryption.encrypt(plain, key, encrypted))
        .hasMessageContaining("already exists");
  }

  @Test
  void encryptTwice_isRefused() {
    assertThatThrownBy(() -> BundleEncryption.encrypt(encrypted, key, encrypted))
        .hasMessageContaining("already encrypted");
  }

  @Test
  void keys_readFromFileAndEnvironment_neverShowTheirBytes() {
    Path file = dir.resolve("keys/aes.key");
    key.write(file);
    BundleKey read = BundleKey.fromFile(file);
    assertThat(read.id()).isEqualTo(key.id());
    assertThat(read.toString()).isEqualTo("BundleKey[id=" + key.id() + "]");
    assertThat(LoadOptions.from(Map.of("KILN_BUNDLE_KEY_FILE", file.toString())).key().id())
        .isEqualTo(key.id());
    assertThat(LoadOptions.from(Map.of()).key()).isNull();
    assertThatThrownBy(() -> LoadOptions.from(Map.of("KILN_BUNDLE_KEY", "c2hvcnQ=")))
        .hasMessageContaining("environment variable 'KILN_BUNDLE_KEY' is not base64 of 32 bytes")
        .hasMessageNotContaining("c2hvcnQ=");
  }

  /** Records a new checksum for a file in bundle.json, as an attacker who edits both would. */
  private void rewriteChecksum(String name, byte[] bytes) throws Exception {
    Path manifest = encrypted.resolve("bundle.json");
    ObjectNode json = (ObjectNode) ModelBundle.JSON.readTree(manifest.toFile());
    ((ObjectNode) json.get("files")).put(name, ModelBundle.sha256(bytes));
    ModelBundle.JSON.writeValue(manifest.toFile(), json);
  }
}
