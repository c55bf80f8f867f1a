package dev.marquee.platform.internal.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Anything nobody planned for: logged with an incident id, answered with that id and nothing else,
 * so no stack trace or internal detail ever reaches a client.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {
  private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());
  private static final OutageNotices OUTAGES = new OutageNotices(Clock.systemUTC());

  /** Connection failures (SQLState class 08, refused sockets, an exhausted pool) are transient. */
  static boolean isDatabaseUnavailable(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException
          || t instanceof ConnectException) {
        return true;
      }
      if (t instanceof SQLException sql && isUnavailableState(sql.getSQLState())) {
        return true;
      }
      if (t.getClass().getName().endsWith("ResourceAllocationException")) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08 (connection exception) and 57P (the server shutting down, crashed, or not yet
   * accepting connections: an operator's restart or a failover, as PostgreSQL reports it to a
   * connection it ends mid-statement).
   */
  private static boolean isUnavailableState(String state) {
    return state != null && (state.startsWith("08") || state.startsWith("57P"));
  }

  /**
   * Object storage out of reach: the S3 client could not connect or gave up (its own retries
   * spent), or storage answered that it is unavailable or overloaded (5xx). Checked before the
   * database, as a refused connection to storage is also a {@code ConnectException}.
   */
  static boolean isObjectStorageUnavailable(Throwable exception) {
    for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof SdkClientException) {
        return true;
      }
      if (t instanceof AwsServiceException aws && aws.statusCode() >= 500) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Response toResponse(Throwable exception) {
    if (WebApplicationExceptionMapper.isMalformedJson(exception)) {
      return ProblemResponses.of(
          400, "malformed-json", "Malformed JSON", JsonBodyProblems.describe(exception));
    }
    if (isObjectStorageUnavailable(exception)) {
      OUTAGES
          .refused("storage", "Object storage unavailable: " + exception)
          .ifPresent(LOG::warning);
      return unavailable("storage-unavailable", "its object storage");
    }
    if (isDatabaseUnavailable(exception)) {
      OUTAGES.refused("database", "Database unavailable: " + exception).ifPresent(LOG::warning);
      return unavailable("database-unavailable", "its database");
    }
    String incident = UUID.randomUUID().toString();
    LOG.log(Level.SEVERE, "Unexpected failure, incident " + incident, exception);
    return ProblemResponses.of(
        500,
        "internal-error",
        "Internal error",
        "Marquee could not complete the request. Quote incident " + incident + " to an operator.",
        Map.of("incident", incident));
  }

  /** 503 naming the dependency out of reach, with a Retry-After. */
  private static Response unavailable(String type, String what) {
    Response problem =
        ProblemResponses.of(
            503,
            type,
            "Service unavailable",
            "Marquee cannot reach " + what + " right now; retry shortly.");
    return Response.fromResponse(problem).header("Retry-After", "5").build();
  }
}
