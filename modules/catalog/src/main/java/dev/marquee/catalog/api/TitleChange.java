package dev.marquee.catalog.api;

import java.time.Instant;

/** One audited change of a title: the version it made, who, when, and each field's old and new. */
public record TitleChange(long version, String actorId, Instant at, String changes) {}
