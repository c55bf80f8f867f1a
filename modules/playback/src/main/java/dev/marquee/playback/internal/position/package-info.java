/** Resume positions across devices and their push to the other devices of a profile. */
package dev.marquee.playback.internal.position;
