package dev.marquee.catalog.internal.application;

import dev.marquee.catalog.internal.domain.AdminTitle;
import dev.marquee.catalog.internal.domain.ArtworkKind;
import dev.marquee.catalog.internal.persistence.AdminTitleStore;
import dev.marquee.catalog.internal.persistence.ArtworkStore;
import dev.marquee.catalog.internal.persistence.TitleAuditStore;
import dev.marquee.platform.api.ObjectStorage;
import dev.marquee.platform.api.PlainSql;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.platform.api.StoredObject;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Transactional;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import javax.sql.DataSource;

/**
 * Posters and backdrops in object storage, named by their content; a title without one shows the
 * still grabbed from its master at ingest.
 */
@ApplicationScoped
public class Artwork {
  public static final int MAX_BYTES = 5 * 1024 * 1024;
  static final int MAX_SIDE = 8000;
  private static final Jsonb JSONB = JsonbBuilder.create();

  @Resource(lookup = "jdbc/marquee")
  DataSource db;

  @Inject ObjectStorage storage;

  /** An image to send: its bytes' stream, type, size and ETag. */
  public record Image(InputStream bytes, String type, long size, String etag) {}

  /** Stores an admin's JPEG or PNG as the title's poster or backdrop (audited, version + 1). */
  @Transactional
  public AdminTitle upload(UUID title, ArtworkKind kind, byte[] bytes, UUID actor) {
    if (bytes.length == 0) {
      throw ProblemException.badRequest("not-an-image", "The body is empty; send a JPEG or PNG.");
    }
    if (bytes.length > MAX_BYTES) {
      throw new ProblemException(
          413,
          "image-too-large",
          "Image too large",
          "Artwork may have at most " + MAX_BYTES + " bytes.");
    }
    String type = type(bytes);
    if (type == null) {
      throw ProblemException.badRequest("not-an-image", "The body is not a JPEG or PNG image.");
    }
    checkSize(bytes);
    BufferedImage image;
    try {
      image = ImageIO.read(new ByteArrayInputStream(bytes));
    } catch (IOException e) {
      image = null;
    }
    if (image == null) {
      throw ProblemException.badRequest(
          "not-an-image", "The body is not a readable JPEG or PNG image.");
    }
    String key =
        "titles/"
            + title
            + "/artwork/"
            + kind.name().toLowerCase()
            + "-"
            + digest(bytes)
            + (type.equals("image/png") ? ".png" : ".jpg");
    return PlainSql.call(
        db,
        "store artwork",
        c -> {
          AdminTitle before = AdminTitleStore.read(c, title);
          storage.put(key, bytes, type);
          long version = ArtworkStore.place(c, title, kind, key);
          String was = kind == ArtworkKind.POSTER ? before.posterKey() : before.backdropKey();
          Map<String, Object> change = new LinkedHashMap<>();
          change.put("from", was);
          change.put("to", key);
          TitleAuditStore.insert(
              c, title, actor, version, JSONB.toJson(Map.of(kind.name().toLowerCase(), change)));
          return AdminTitleStore.read(c, title);
        });
  }

  /** The title's poster or backdrop, else its still, else empty. Only for published titles. */
  public Optional<Image> image(UUID title, ArtworkKind kind) {
    String key =
        PlainSql.call(db, "read artwork", c -> ArtworkStore.imageKey(c, title, kind))
            .orElseThrow(
                () ->
                    ProblemException.notFound(
                        "title-not-found", "No published title " + title + "."))
            .orElse(null);
    if (key == null) {
      return Optional.empty();
    }
    Optional<StoredObject> object = storage.describe(key);
    if (object.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new Image(
            storage.open(key),
            key.endsWith(".png") ? "image/png" : "image/jpeg",
            object.get().size(),
            "\"" + key.substring(key.lastIndexOf('-') + 1, key.lastIndexOf('.')) + "\""));
  }

  /** Records the still grabbed at ingest (stored by the caller under {@code key}). */
  public void still(UUID title, String key) {
    PlainSql.call(
        db,
        "record the still",
        c -> {
          ArtworkStore.still(c, title, key);
          return null;
        });
  }

  /** The dimensions from the header, before anything is decoded (a huge header is refused). */
  private static void checkSize(byte[] bytes) {
    try (var in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      var readers = ImageIO.getImageReaders(in);
      if (!readers.hasNext()) {
        throw ProblemException.badRequest("not-an-image", "The body is not a JPEG or PNG image.");
      }
      var reader = readers.next();
      try {
        reader.setInput(in);
        if (reader.getWidth(0) > MAX_SIDE || reader.getHeight(0) > MAX_SIDE) {
          throw ProblemException.badRequest(
              "image-too-large", "Artwork may be at most " + MAX_SIDE + " pixels on a side.");
        }
      } finally {
        reader.dispose();
      }
    } catch (IOException e) {
      throw ProblemException.badRequest(
          "not-an-image", "The body is not a readable JPEG or PNG image.");
    }
  }

  private static String type(byte[] b) {
    if (b.length > 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
      return "image/jpeg";
    }
    if (b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
      return "image/png";
    }
    return null;
  }

  static String digest(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
