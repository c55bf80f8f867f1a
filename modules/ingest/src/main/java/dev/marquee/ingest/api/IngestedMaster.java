package dev.marquee.ingest.api;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.media.api.MediaInfo;

/** A title's verified master: where it is stored and what the probe found. */
public record IngestedMaster(TitleId titleId, String storageKey, String sha256, MediaInfo media) {}
