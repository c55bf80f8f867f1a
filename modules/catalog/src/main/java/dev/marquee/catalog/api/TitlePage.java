package dev.marquee.catalog.api;

import java.util.List;

/** One page of titles found, and how many were found in all. */
public record TitlePage(List<TitleSummary> titles, long total) {}
