/**
 * Licence decisions: the playback rules, the ClearKey request, offline licences and the audit
 * trail.
 */
package dev.marquee.drm.internal.licence;
