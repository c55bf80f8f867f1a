package dev.marquee.catalog.internal.domain;

/** A title's likes (accounts that like it), and whether this profile likes it. */
public record LikeCount(String titleId, long likes, boolean liked) {}
