package dev.kiln.ml.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleSignaturesTest {
  @TempDir Path dir;

  private Path bundle() {
    return BundleFixture.write(BundleFixture.data(), dir.resolve("bundle"));
  }

  @Test
  void signedBundle_verifies_andAnyChangeOrOtherKeyIsRefused() throws Exception {
    Path bundle = bundle();
    BundleSignatures.generateKeys(dir.resolve("alice"));
    BundleSignatures.generateKeys(dir.resolve("mallory"));
    assertThatThrownBy(() -> BundleSignatures.verify(bundle, dir.resolve("alice.pub")))
        .hasMessageContaining("not signed");
    assertThat(BundleSignatures.isSigned(bundle)).isFalse();
    BundleSignatures.sign(bundle, dir.resolve("alice.key"));
    assertThat(BundleSignatures.isSigned(bundle)).isTrue();
    assertThatCode(() -> BundleSignatures.verify(bundle, dir.resolve("alice.pub")))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> BundleSignatures.verify(bundle, dir.resolve("mallory.pub")))
        .hasMessageContaining("does not match");
    Path manifest = bundle.resolve("bundle.json");
    Files.writeString(manifest, Files.readString(manifest).replace("\"demo\"", "\"dem0\""));
    assertThatThrownBy(() -> BundleSignatures.verify(bundle, dir.resolve("alice.pub")))
        .hasMessageContaining("does not match");
  }
}
