package dev.marquee.ingest.api;

import dev.marquee.catalog.api.TitleId;
import dev.marquee.media.api.MediaInfo;

/** Published after commit when a master is verified, probed, stored and its title created. */
public record MasterIngested(
    UploadId uploadId, TitleId titleId, String storageKey, MediaInfo media) {}
