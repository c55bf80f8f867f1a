package dev.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigDirTest {
  @TempDir Path home;

  @Test
  void followsXdgConfigHomeAndFallsBackToDotConfig() {
    assertThat(
            ConfigDir.fromEnvironment(Map.of("XDG_CONFIG_HOME", "/etc/xdg-user"), "/home/ann")
                .root())
        .isEqualTo(Path.of("/etc/xdg-user/marquee"));
    assertThat(ConfigDir.fromEnvironment(Map.of(), "/home/ann").root())
        .isEqualTo(Path.of("/home/ann/.config/marquee"));
    // A relative XDG_CONFIG_HOME is invalid by the specification and ignored.
    assertThat(ConfigDir.fromEnvironment(Map.of("XDG_CONFIG_HOME", "conf"), "/home/ann").root())
        .isEqualTo(Path.of("/home/ann/.config/marquee"));
  }

  @Test
  void filesAreWrittenPrivateAndReplacedWhole() throws Exception {
    ConfigDir config = new ConfigDir(home.resolve("marquee"));
    config.write("uploads/a.json", "first");
    config.write("uploads/a.json", "second");

    Path file = home.resolve("marquee/uploads/a.json");
    assertThat(Files.readString(file)).isEqualTo("second");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    assertThat(
            PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("marquee"))))
        .isEqualTo("rwx------");
    try (var left = Files.list(file.getParent())) {
      assertThat(left).as("no temporary file is left behind").containsExactly(file);
    }
    config.delete("uploads/a.json");
    assertThat(config.read("uploads/a.json")).isEmpty();
  }
}
