package dev.marquee.transcode.api;

import dev.marquee.catalog.api.TitleId;

/** Published after the segment index of a title is complete and the title is playable. */
public record TitleTranscoded(TitleId titleId, java.util.UUID jobId) {}
