package dev.marquee.systemtests;

import dev.marquee.devstack.MarqueeStack;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

/** Creator accounts and masters for ingest tests. */
final class Creators {
  static final String PASSWORD = "studio upload passphrase";

  private Creators() {}

  /** A new account with the creator role; returns its access token. */
  static String newCreator(Api api) {
    return newCreator(api, RunningMarquee.stack().adminPassword());
  }

  /** Same, on a stack whose administrator has this password (the two-server stack's). */
  static String newCreator(Api api, String adminPassword) {
    String email = api.registerViewer(PASSWORD);
    String admin = api.signIn(MarqueeStack.ADMIN_EMAIL, adminPassword).getString("access_token");
    String id =
        api.get("/api/admin/accounts?email=" + email, admin)
            .array()
            .getJsonObject(0)
            .getString("id");
    var granted =
        api.putJson("/api/admin/accounts/" + id + "/roles", "{\"roles\":[\"creator\"]}", admin);
    if (granted.status() != 200) {
      throw new AssertionError("granting creator failed: " + granted);
    }
    return api.signIn(email, PASSWORD).getString("access_token");
  }

  static String sha256(java.nio.file.Path file) throws IOException {
    try (InputStream in =
        new DigestInputStream(java.nio.file.Files.newInputStream(file), digest())) {
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    }
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Uploads a master as the creator (part by part) and completes it; returns the title id. */
  static String ingest(Api api, String creator, java.nio.file.Path master) throws Exception {
    return ingest(api, creator, master, goodTitle());
  }

  /** Same, with the title's metadata as JSON (see {@link #title}). */
  static String ingest(Api api, String creator, java.nio.file.Path master, String title)
      throws Exception {
    var opened =
        api.postJson(
            "/api/ingest/uploads",
            uploadRequest(title, "master.mp4", java.nio.file.Files.size(master), sha256(master)),
            creator);
    if (opened.status() != 201) {
      throw new AssertionError("opening the upload failed: " + opened);
    }
    String id = opened.json().getString("id");
    byte[] all = java.nio.file.Files.readAllBytes(master);
    long size = opened.json().getJsonNumber("partSize").longValue();
    for (int n = 1; n <= opened.json().getInt("partCount"); n++) {
      int from = (int) ((n - 1) * size);
      api.putBytes(
          "/api/ingest/uploads/" + id + "/parts/" + n,
          java.util.Arrays.copyOfRange(all, from, (int) Math.min(all.length, from + size)),
          creator);
    }
    var done = api.post("/api/ingest/uploads/" + id + "/complete", creator);
    if (done.status() != 200) {
      throw new AssertionError("completing the upload failed: " + done);
    }
    return done.json().getString("titleId");
  }

  /** A title's metadata as JSON; each argument is what the test varies. */
  static String title(String language, String category, String rating, String regions) {
    return """
        {"name":"Night Train","synopsis":"A train, at night.","language":"%s","category":"%s",
         "maturityRating":"%s","releaseYear":2024,
         "licence":{"regions":%s,"offlineAllowed":true}}"""
        .formatted(language, category, rating, regions);
  }

  static String goodTitle() {
    return title("en", "drama", "13+", "[\"GB\",\"IE\"]");
  }

  /** The JSON body that opens an upload. */
  static String uploadRequest(String title, String fileName, long size, String sha256) {
    return "{\"title\":"
        + title
        + ",\"fileName\":\""
        + fileName
        + "\",\"sizeBytes\":"
        + size
        + ",\"sha256\":\""
        + sha256
        + "\"}";
  }

  /** Waits until the title's newest transcode job is PUBLISHED (fails on FAILED or timeout). */
  static void awaitPublished(Api api, String creator, String titleId, java.time.Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "";
    while (System.nanoTime() < deadline) {
      var jobs = api.get("/api/transcode/titles/" + titleId + "/jobs", creator).array();
      if (!jobs.isEmpty()) {
        last = jobs.getJsonObject(0).toString();
        String state = jobs.getJsonObject(0).getString("state");
        if (state.equals("PUBLISHED")
            && !List.of("STARTING", "STARTED")
                .contains(jobs.getJsonObject(0).getString("batchStatus", ""))) {
          return;
        }
        if (state.equals("FAILED")) {
          throw new AssertionError("transcode failed: " + last);
        }
      }
      Thread.sleep(300);
    }
    throw new AssertionError("transcode did not finish within " + timeout + "; last: " + last);
  }
}
