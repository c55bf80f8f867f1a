package dev.marquee.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * The secrets folder of a Marquee home: a folder only its owner can open (700) holding files only
 * its owner can read (600). Both are created with those permissions, never widened and narrowed
 * afterwards, and a file appears under its final name only once it is complete (written to a
 * private temporary file, then moved atomically), so no other user and no crash ever sees a secret
 * half-written or world-readable.
 */
public final class SecretFiles {
  static final Set<PosixFilePermission> OWNER_ONLY_FOLDER =
      PosixFilePermissions.fromString("rwx------");
  static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  private final Path folder;

  private SecretFiles(Path folder) {
    this.folder = folder;
  }

  /** Opens (and creates, 700, if missing) the secrets folder; an existing folder is narrowed. */
  public static SecretFiles in(Path folder) throws IOException {
    if (posix()) {
      Path parent = folder.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (!Files.isDirectory(folder)) {
        Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER));
      }
      // A folder made by an older devstack was 755: narrow it, and every file in it, once.
      if (!Files.getPosixFilePermissions(folder).equals(OWNER_ONLY_FOLDER)) {
        Files.setPosixFilePermissions(folder, OWNER_ONLY_FOLDER);
      }
      try (var files = Files.list(folder)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY_FILE)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY_FILE);
          }
        }
      }
    } else {
      Files.createDirectories(folder);
    }
    return new SecretFiles(folder);
  }

  public Path folder() {
    return folder;
  }

  public Path resolve(String name) {
    return folder.resolve(name);
  }

  /** The secret in {@code name}, made of {@code size} random bytes on first use and kept. */
  public String randomText(String name, int size, boolean urlSafe) throws IOException {
    Path file = folder.resolve(name);
    if (Files.exists(file)) {
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    }
    byte[] bytes = new byte[size];
    new SecureRandom().nextBytes(bytes);
    String value =
        urlSafe
            ? Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)
            : Base64.getEncoder().encodeToString(bytes);
    write(name, value.getBytes(StandardCharsets.UTF_8));
    return value;
  }

  /** Writes {@code content} to {@code name}: a 600 temporary file first, then an atomic move. */
  public Path write(String name, byte[] content) throws IOException {
    Path target = folder.resolve(name);
    Path temporary = newPrivateFile("." + name + "-");
    try {
      Files.write(temporary, content);
      moveInto(temporary, target);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return target;
  }

  /**
   * A new, empty, owner-only file in this folder (for tools that fill a file themselves); the
   * caller moves it into place with {@link #moveInto} or deletes it.
   */
  Path newPrivateFile(String prefix) throws IOException {
    FileAttribute<?>[] attributes =
        posix()
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
            : new FileAttribute<?>[0];
    return Files.createTempFile(folder, prefix, ".tmp", attributes);
  }

  /** Replaces {@code target} with {@code temporary} in one step, where the file system can. */
  void moveInto(Path temporary, Path target) throws IOException {
    try {
      Files.move(
          temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }
}
