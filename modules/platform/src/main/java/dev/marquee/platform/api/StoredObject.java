package dev.marquee.platform.api;

/** What object storage knows about one object. */
public record StoredObject(String key, long size, String contentType, String etag) {}
