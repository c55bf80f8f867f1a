package dev.marquee.catalog.internal.rest;

import dev.marquee.catalog.internal.admin.SeriesCatalog;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A series as viewers browse it: seasons, each with its published episodes in order. */
@Path("/catalog/series/{id}")
@RequestScoped
@RolesAllowed({"viewer", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class SeriesResource {
  @Inject SeriesCatalog series;

  @GET
  public SeriesCatalog.Series get(@PathParam("id") String id) {
    return series.get(CallerProfiles.uuid("id", id));
  }
}
