package dev.marquee.platform.api;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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

  /** Opens {@code length} bytes of the object from {@code offset} (an HTTP byte range). */
  InputStream open(String key, long offset, long length);

  /**
   * Opens the object, or a byte range of it ({@code range} is an HTTP {@code bytes=} spec of one
   * range, or null), and describes it in the same request to storage: one round trip per read, for
   * the serving path. {@code ifNoneMatch} (a quoted ETag, or null) makes storage answer "not
   * modified" without content when it matches. Empty when there is no such object.
   */
  Optional<ObjectRead> read(String key, String range, String ifNoneMatch);

  /** Size and content type of the object, if it exists. */
  Optional<StoredObject> describe(String key);

  void delete(String key);

  /** Starts a multipart upload (parts of at least 5 MiB but the last); returns its id. */
  String startMultipartUpload(String key, String contentType);

  /**
   * Stores one part from a file; unlike a stream, a file can be sent again when S3 asks for a
   * retry.
   */
  String uploadPart(String key, String uploadId, int partNumber, Path file);

  /** The parts stored so far, in order: the truth about how far an upload got. */
  List<UploadedPart> listParts(String key, String uploadId);

  /** Joins the parts into the object at {@code key}. */
  void completeMultipartUpload(String key, String uploadId, List<UploadedPart> parts);

  /** Discards the parts; nothing is left behind. */
  void abortMultipartUpload(String key, String uploadId);

  /** A URL a client may PUT one part to directly, without passing through Marquee. */
  URI presignPartUpload(String key, String uploadId, int partNumber, Duration validity);

  /** A URL anyone may GET the object from until it expires (FFmpeg reads masters this way). */
  URI presignGet(String key, Duration validity);

  /** Stores a small object held in memory (segments, manifests). */
  default void put(String key, byte[] content, String contentType) {
    put(key, new ByteArrayInputStream(content), content.length, contentType);
  }

  /** The bucket this storage writes to, for operators. */
  String bucket();
}
