package dev.marquee.transcode.internal.cmaf;

/**
 * One access unit in a media segment. Video samples are length-prefixed NAL units (4-byte lengths);
 * {@code compositionOffset} is presentation minus decode time in the track's timescale (negative
 * for frames shown before later-decoded ones: trun version 1).
 */
public record CmafSample(byte[] data, int duration, int compositionOffset, boolean sync) {}
