package dev.marquee.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFilesTest {
  @TempDir Path home;

  @Test
  void folderIs700AndEverySecretAndKeystore600() throws Exception {
    SecretFiles secrets = SecretFiles.in(home.resolve("secrets"));
    String first = secrets.randomText("origin-url-secret", 32, true);
    assertThat(secrets.randomText("origin-url-secret", 32, true)).isEqualTo(first);
    Keystores.ensureTls(secrets, "tls-password");
    Keystores.addSigningKey(secrets.folder(), "signing-password", "signing-1");

    assertThat(mode(secrets.folder())).isEqualTo("rwx------");
    List<Path> files = list(secrets.folder());
    assertThat(files)
        .extracting(p -> p.getFileName().toString())
        .containsExactlyInAnyOrder("origin-url-secret", "tls.p12", "jwt-signing.p12");
    for (Path file : files) {
      assertThat(mode(file)).as("%s", file).isEqualTo("rw-------");
    }
  }

  @Test
  void signingKeysAreAddedAndRemovedWithoutTouchingTheTlsKeystore() throws Exception {
    SecretFiles secrets = SecretFiles.in(home.resolve("secrets"));
    Keystores.ensureTls(secrets, "tls-password");
    Keystores.addSigningKey(secrets.folder(), "pw-signing", "signing-1");
    Keystores.addSigningKey(secrets.folder(), "pw-signing", "signing-2");
    Path signing = secrets.resolve(Keystores.SIGNING);
    assertThat(Keystores.aliases(signing, "pw-signing")).containsExactly("signing-1", "signing-2");

    Keystores.removeSigningKey(secrets.folder(), "pw-signing", "signing-1");
    assertThat(Keystores.aliases(signing, "pw-signing")).containsExactly("signing-2");
    assertThat(Keystores.aliases(secrets.resolve(Keystores.TLS), "tls-password"))
        .containsExactly("default");
    assertThat(mode(signing)).isEqualTo("rw-------");
  }

  @Test
  void aFolderMadeByAnOlderDevstackIsNarrowed() throws Exception {
    Path old = Files.createDirectories(home.resolve("secrets"));
    Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path leaked = Files.writeString(old.resolve("jwt-signing.p12"), "x");
    Files.setPosixFilePermissions(leaked, PosixFilePermissions.fromString("rw-r-----"));

    SecretFiles.in(old);
    assertThat(mode(old)).isEqualTo("rwx------");
    assertThat(mode(leaked)).isEqualTo("rw-------");
  }

  private static String mode(Path p) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
  }

  private static List<Path> list(Path folder) throws Exception {
    try (Stream<Path> files = Files.list(folder)) {
      return files.toList();
    }
  }
}
