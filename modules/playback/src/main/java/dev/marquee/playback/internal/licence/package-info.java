/**
 * Who may watch (ADR 45): the playback rules shared by session start and licences, the licence
 * decision with the keys drm hands over for it, the ClearKey request, offline licences and the
 * audit trail of every decision.
 */
package dev.marquee.playback.internal.licence;
