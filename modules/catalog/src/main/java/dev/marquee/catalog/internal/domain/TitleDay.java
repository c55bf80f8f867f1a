package dev.marquee.catalog.internal.domain;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One title's day: views, completions and its likes by then. Named {@code Day} in the OpenAPI
 * document, as before it moved here.
 */
@Schema(name = "Day")
public record TitleDay(String titleId, LocalDate day, long views, long completions, long likes) {}
