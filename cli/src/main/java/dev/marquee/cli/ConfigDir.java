package dev.marquee.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

/**
 * The user's own folder for Marquee's command line: {@code $XDG_CONFIG_HOME/marquee}, else {@code
 * ~/.config/marquee}. It holds tokens, so the folder is 700 and every file 600 from the moment it
 * exists: written to a private temporary file beside it, then moved over the old one atomically.
 */
public final class ConfigDir {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Path root;

  public ConfigDir(Path root) {
    this.root = root;
  }

  /** The folder the XDG Base Directory specification names for this environment. */
  public static ConfigDir fromEnvironment(Map<String, String> env, String userHome) {
    String xdg = env.get("XDG_CONFIG_HOME");
    // The specification: a relative XDG_CONFIG_HOME is invalid and must be ignored.
    Path base =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : Path.of(userHome, ".config");
    return new ConfigDir(base.resolve("marquee"));
  }

  public Path root() {
    return root;
  }

  public Path resolve(String name) {
    return root.resolve(name);
  }

  /** The file's text, if it exists. */
  public Optional<String> read(String name) {
    Path file = root.resolve(name);
    try {
      return Files.exists(file)
          ? Optional.of(Files.readString(file, StandardCharsets.UTF_8))
          : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }

  /** Replaces the file at once: readers see the old content or the new, never half of it. */
  public void write(String name, String text) {
    Path file = root.resolve(name);
    try {
      Path folder = privateFolder(file.getParent());
      Path temp =
          POSIX
              ? Files.createTempFile(
                  folder,
                  ".tmp-",
                  "",
                  PosixFilePermissions.asFileAttribute(
                      PosixFilePermissions.fromString("rw-------")))
              : Files.createTempFile(folder, ".tmp-", "");
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
          channel.force(true);
        }
        try {
          Files.move(
              temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  public void delete(String name) {
    try {
      Files.deleteIfExists(root.resolve(name));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + root.resolve(name), e);
    }
  }

  private Path privateFolder(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      if (POSIX) {
        Files.createDirectories(
            folder,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectories(folder);
      }
    }
    return folder;
  }
}
