package dev.marquee.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The largest request body a resource method (or every method of a resource class) accepts. A body
 * announced larger is refused with 413 before a byte of it is read; a body sent without a length is
 * read at most this far. Methods without it take the platform's default for JSON and form bodies
 * ({@code marquee.http.max-body-bytes}, 256 KiB).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface MaxBodySize {
  /** Bytes. */
  long value();

  /**
   * The method streams its body itself (uploads): the limit is checked against the announced length
   * only, and the body is never buffered here; the method bounds what it reads.
   */
  boolean streamed() default false;

  /** The problem type of the 413, when the operation has a name for it (e.g. image-too-large). */
  String problem() default "body-too-large";
}
