package dev.marquee.catalog.internal.domain;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One audited change of a title: its new version, who made it, when, and each field's old and new
 * value. Named {@code Change} in the OpenAPI document, as before it moved here.
 */
@Schema(name = "Change")
public record TitleAuditEntry(long version, String actorId, Instant at, JsonObject changes) {}
