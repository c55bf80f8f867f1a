/** Per-session DASH MPDs and HLS playlists rendered from the segment index. */
package dev.marquee.playback.internal.manifest;
