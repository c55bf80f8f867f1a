package dev.marquee.drm.api;

import java.time.Instant;
import java.util.UUID;

/**
 * One audited action on the content keys: a re-wrap, who asked for it ({@code actor}, an account
 * id), through what ({@code via}: {@code API} or {@code CONSOLE}), whether it was {@code DONE} or
 * {@code FAILED} (then nothing changed, and {@code detail} says why), the active KEK and how many
 * keys it moved.
 */
public record KeyAction(
    Instant at,
    UUID actor,
    String action,
    String via,
    String outcome,
    String activeKek,
    int rewrapped,
    String detail) {}
