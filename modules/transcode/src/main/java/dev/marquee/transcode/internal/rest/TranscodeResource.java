package dev.marquee.transcode.internal.rest;

import dev.marquee.catalog.api.CatalogFacade;
import dev.marquee.catalog.api.TitleId;
import dev.marquee.platform.api.BatchJobs;
import dev.marquee.platform.api.CallerIdentity;
import dev.marquee.platform.api.ProblemException;
import dev.marquee.transcode.api.RenditionView;
import dev.marquee.transcode.internal.application.DefaultTranscodeFacade;
import dev.marquee.transcode.internal.application.TranscodeLedger;
import dev.marquee.transcode.internal.application.TranscodeService;
import dev.marquee.transcode.internal.domain.ChunkTask;
import dev.marquee.transcode.internal.domain.TranscodeJob;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobExecutionNotMostRecentException;
import jakarta.batch.operations.JobRestartException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** Progress of transcode jobs per chunk, the renditions they produced, and restarts. */
@Path("/transcode")
@RequestScoped
@RolesAllowed({"operator", "admin", "creator"})
@Produces(MediaType.APPLICATION_JSON)
public class TranscodeResource {
  @Inject TranscodeLedger ledger;
  @Inject BatchJobs jobs;
  @Inject TranscodeService service;
  @Inject DefaultTranscodeFacade facade;
  @Inject CatalogFacade catalog;
  @Inject CallerIdentity caller;
  @Context SecurityContext security;

  /** A job and how far each rung got. */
  public record JobProgress(
      String id,
      String titleId,
      String state,
      String batchStatus,
      Long executionId,
      Integer chunkCount,
      Map<String, RungProgress> rungs,
      Map<String, Integer> chunksByServer,
      String failure,
      Instant createdAt) {}

  /** Chunks of one rung: done out of total, and chunks that needed more than one attempt. */
  public record RungProgress(int done, int total, List<Integer> retriedChunks) {}

  @GET
  @Path("/titles/{titleId}/jobs")
  @Operation(summary = "List a title's transcode jobs")
  @APIResponse(
      responseCode = "200",
      description = "The title's jobs with their progress",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = JobProgress.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"operator", "admin", "creator"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "title-not-found")
  public List<JobProgress> jobs(@PathParam("titleId") String titleId) {
    return ledger.jobsOfTitle(visibleTitle(titleId)).stream().map(this::progress).toList();
  }

  @GET
  @Path("/titles/{titleId}/renditions")
  @Operation(summary = "List a title's renditions")
  @APIResponse(
      responseCode = "200",
      description = "The title's renditions",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = RenditionView.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"operator", "admin", "creator"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "title-not-found")
  public List<RenditionView> renditions(@PathParam("titleId") String titleId) {
    return facade.renditions(new TitleId(visibleTitle(titleId)));
  }

  @POST
  @Path("/jobs/{jobId}/restart")
  @RolesAllowed({"operator", "admin"})
  @Operation(summary = "Restart a failed or stopped transcode job")
  @APIResponse(
      responseCode = "200",
      description = "The restarted job",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = JobProgress.class)))
  @SecurityRequirement(
      name = "bearer",
      scopes = {"operator", "admin"})
  @APIResponse(responseCode = "401", description = "unauthenticated")
  @APIResponse(responseCode = "403", description = "forbidden")
  @APIResponse(responseCode = "404", description = "job-not-found")
  @APIResponse(responseCode = "409", description = "job-not-restartable")
  public JobProgress restart(@PathParam("jobId") String jobId) {
    UUID id = uuid(jobId);
    TranscodeJob job;
    try {
      job = ledger.job(id);
    } catch (IllegalStateException e) {
      throw ProblemException.notFound("job-not-found", "No transcode job " + id + ".");
    }
    String status = batchStatus(job);
    if (!List.of("FAILED", "STOPPED").contains(status)) {
      throw ProblemException.conflict(
          "job-not-restartable",
          "Job " + id + " is " + status + "; only failed or stopped jobs restart.");
    }
    try {
      service.restart(id);
    } catch (JobRestartException | JobExecutionNotMostRecentException e) {
      throw ProblemException.conflict(
          "job-not-restartable",
          "Job " + id + " cannot restart now (it may have been restarted already).");
    }
    return progress(ledger.job(id));
  }

  /** Creators see their own titles' jobs; operators and admins see all. */
  private UUID visibleTitle(String titleId) {
    UUID id = uuid(titleId);
    if (security.isUserInRole("operator") || security.isUserInRole("admin")) {
      return id;
    }
    if (!catalog.isOwnedBy(new TitleId(id), caller.accountId())) {
      throw ProblemException.notFound("title-not-found", "No title " + titleId + " of yours.");
    }
    return id;
  }

  private JobProgress progress(TranscodeJob job) {
    Map<String, RungProgress> rungs = new TreeMap<>();
    Map<String, List<ChunkTask>> byRung = new TreeMap<>();
    // Chunks encoded (chunk x rung) per server: partitions may run on other servers.
    Map<String, Integer> byServer = new TreeMap<>();
    for (ChunkTask task : ledger.tasks(job.id())) {
      byRung.computeIfAbsent(task.rung(), r -> new ArrayList<>()).add(task);
      if (task.isDone() && task.encodedBy() != null) {
        byServer.merge(task.encodedBy(), 1, Integer::sum);
      }
    }
    byRung.forEach(
        (rung, tasks) ->
            rungs.put(
                rung,
                new RungProgress(
                    (int) tasks.stream().filter(ChunkTask::isDone).count(),
                    tasks.size(),
                    tasks.stream()
                        .filter(t -> t.attempts() > 1)
                        .map(ChunkTask::chunkIndex)
                        .toList())));
    return new JobProgress(
        job.id().toString(),
        job.titleId().toString(),
        job.state().name(),
        batchStatus(job),
        job.executionId(),
        job.isPlanned() ? job.chunkCount() : null,
        rungs,
        byServer,
        job.failure(),
        job.createdAt().toInstant());
  }

  private String batchStatus(TranscodeJob job) {
    if (job.executionId() == null) {
      return "STARTING";
    }
    return jobs.execution(job.executionId()).getBatchStatus().name();
  }

  private static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ProblemException.notFound("not-found", id + " is not a valid identifier.");
    }
  }
}
