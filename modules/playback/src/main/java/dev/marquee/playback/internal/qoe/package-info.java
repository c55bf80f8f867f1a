/** Quality of experience: players' reports per session, aggregates per title and day, metrics. */
package dev.marquee.playback.internal.qoe;
