package dev.marquee.platform.internal.rest;

import dev.marquee.platform.api.BatchJobs;
import dev.marquee.platform.api.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.JobExecution;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** For operators: where a batch job execution stands, read from the job repository. */
@Path("/operations/jobs")
@RequestScoped
@RolesAllowed({"operator", "admin"})
public class JobStatusResource {
  @Inject BatchJobs jobs;

  /** One execution of a job. */
  public record JobStatus(
      long executionId,
      String job,
      String status,
      String exitStatus,
      Instant startedAt,
      Instant endedAt) {}

  @GET
  @Path("/{executionId}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(summary = "Show a batch job execution")
  @APIResponse(
      responseCode = "200",
      description = "The execution's state",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobStatus.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"operator", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "job-execution-not-found")
  public JobStatus status(@PathParam("executionId") long executionId) {
    try {
      JobExecution execution = jobs.execution(executionId);
      return new JobStatus(
          execution.getExecutionId(),
          execution.getJobName(),
          execution.getBatchStatus().name(),
          execution.getExitStatus(),
          execution.getStartTime() == null ? null : execution.getStartTime().toInstant(),
          execution.getEndTime() == null ? null : execution.getEndTime().toInstant());
    } catch (NoSuchJobExecutionException e) {
      throw ProblemException.notFound(
          "job-execution-not-found", "No job execution " + executionId + ".");
    }
  }
}
