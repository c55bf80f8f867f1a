package dev.marquee.bench;

import dev.marquee.devstack.MarqueeStack;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Stops the stack and deletes the temporary home, once. Runs from the main thread's finally block
 * and from a shutdown hook, so Ctrl-C does not leave Liberty or PostgreSQL behind.
 */
final class Teardown implements Runnable {
  private final Path home;
  private MarqueeStack stack;
  private boolean done;

  Teardown(Path home) {
    this.home = home;
  }

  synchronized void stack(MarqueeStack value) {
    stack = value;
  }

  /** Synchronized so that a shutdown hook waits for a teardown already under way. */
  @Override
  public synchronized void run() {
    if (done) {
      return;
    }
    done = true;
    if (stack != null) {
      try {
        stack.close();
      } catch (Exception e) {
        System.err.println("[bench] Stopping the stack failed: " + e);
      }
    }
    try {
      deleteRecursively(home);
    } catch (IOException e) {
      System.err.println("[bench] Could not delete " + home + ": " + e);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(path)) {
      paths = walk.sorted(Comparator.reverseOrder()).toList();
    }
    for (Path p : paths) {
      Files.deleteIfExists(p);
    }
  }
}
