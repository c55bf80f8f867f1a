package dev.marquee.platform.api;

/** One stored part of a multipart upload. */
public record UploadedPart(int partNumber, long size, String etag) {}
