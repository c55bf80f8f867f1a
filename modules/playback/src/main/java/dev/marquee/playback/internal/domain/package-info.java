/**
 * Playback's rules and values with no storage of their own: session tokens, URL tickets and the
 * origin's signatures, the records of a session, a grant, a playability verdict, a position and a
 * QoE report, the ClearKey request, the viewer's region and the refusals that name a rule.
 */
package dev.marquee.playback.internal.domain;
