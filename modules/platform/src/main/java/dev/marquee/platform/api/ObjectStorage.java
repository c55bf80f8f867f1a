package dev.marquee.platform.api;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The object storage port: immutable blobs addressed by key inside Marquee's bucket. Backed by S3
 * (or any S3-compatible store; s3proxy over a local folder by default). Streams are never buffered
 * whole in memory, so masters of tens of gigabytes pass through.
 */
public interface ObjectStorage {

  /** Stores a file under the key, replacing nothing silently: the key should be new. */
  void put(String key, Path file, String contentType);

  /** Stores exactly {@code length} bytes read from the stream. */
  void put(String key, InputStream content, long length, String contentType);

  /** Opens the object for reading; the caller closes the stream. */
  InputStream open(String key);

  /** Size and content type of the object, if it exists. */
  Optional<StoredObject> describe(String key);

  void delete(String key);

  /** The bucket this storage writes to, for operators. */
  String bucket();
}
