package dev.marquee.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UploadStateStoreTest {
  @TempDir Path home;

  @Test
  void theSameUnchangedFileFindsItsUploadAndAChangedOneDoesNot() throws Exception {
    Path master = home.resolve("master.mp4");
    Files.write(master, new byte[] {1, 2, 3});
    Files.setLastModifiedTime(master, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
    var store = new UploadStateStore(new ConfigDir(home.resolve("config")));
    var key = UploadStateStore.FileKey.of("http://127.0.0.1:9080", master);
    store.save(key, new UploadStateStore.Started("u1", "ab".repeat(32)));

    // Reached by another path to the same file: the same upload.
    var again = UploadStateStore.FileKey.of("http://127.0.0.1:9080", home.resolve("./master.mp4"));
    assertThat(store.find(again)).contains(new UploadStateStore.Started("u1", "ab".repeat(32)));
    // Another server: another upload.
    assertThat(store.find(UploadStateStore.FileKey.of("https://vod.example", master))).isEmpty();

    // The file changed (re-exported): it starts afresh.
    Files.setLastModifiedTime(master, FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
    assertThat(store.find(UploadStateStore.FileKey.of("http://127.0.0.1:9080", master))).isEmpty();

    store.forget(key);
    assertThat(store.find(key)).isEmpty();
  }

  @Test
  void sha256IsTheStandardDigest() throws Exception {
    Path file = home.resolve("abc.txt");
    Files.writeString(file, "abc");
    assertThat(Sha256.of(file, read -> {}))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
