package dev.marquee.platform.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Which failures are a dependency out of reach (503, retry) rather than an incident (500). */
class UnexpectedExceptionMapperTest {
  @Test
  void aRefusedConnectionToStorageIsStorageNotTheDatabase() {
    RuntimeException refused =
        new IllegalStateException(
            "reading a segment",
            SdkClientException.builder()
                .message("Unable to execute HTTP request")
                .cause(new ConnectException("Connection refused"))
                .build());

    assertThat(UnexpectedExceptionMapper.isObjectStorageUnavailable(refused)).isTrue();
  }

  @Test
  void storageAnswering5xxIsUnavailableAndA4xxIsNot() {
    assertThat(
            UnexpectedExceptionMapper.isObjectStorageUnavailable(
                S3Exception.builder().statusCode(503).message("Slow Down").build()))
        .isTrue();
    assertThat(
            UnexpectedExceptionMapper.isObjectStorageUnavailable(
                S3Exception.builder().statusCode(403).message("Access Denied").build()))
        .isFalse();
  }

  @Test
  void theDatabaseAndOrdinaryBugsAreToldApart() {
    SQLException lost = new SQLException("connection lost", "08006");
    assertThat(UnexpectedExceptionMapper.isObjectStorageUnavailable(lost)).isFalse();
    assertThat(UnexpectedExceptionMapper.isDatabaseUnavailable(lost)).isTrue();
    NullPointerException bug = new NullPointerException("a bug");
    assertThat(UnexpectedExceptionMapper.isObjectStorageUnavailable(bug)).isFalse();
    assertThat(UnexpectedExceptionMapper.isDatabaseUnavailable(bug)).isFalse();
  }

  @Test
  void aConnectionEndedByADatabaseShuttingDownIsTheDatabaseBeingAway() {
    // What PostgreSQL sends to open connections on a restart or failover (SQLSTATE 57P01).
    RuntimeException ended =
        new IllegalStateException(
            "could not write a position",
            new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01"));
    assertThat(UnexpectedExceptionMapper.isDatabaseUnavailable(ended)).isTrue();
    assertThat(
            UnexpectedExceptionMapper.isDatabaseUnavailable(
                new SQLException("the database system is starting up", "57P03")))
        .isTrue();
    // A statement cancelled by its own timeout (57014) is not the database being away.
    assertThat(
            UnexpectedExceptionMapper.isDatabaseUnavailable(
                new SQLException("canceling statement due to statement timeout", "57014")))
        .isFalse();
  }
}
