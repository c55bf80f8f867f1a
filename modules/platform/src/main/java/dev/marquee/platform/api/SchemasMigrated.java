package dev.marquee.platform.api;

import java.time.Instant;

/** Fired once per server start when every module's schema is at the latest migration. */
public record SchemasMigrated(Instant at) {}
