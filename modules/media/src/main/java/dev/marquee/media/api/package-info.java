/** What other modules use of FFmpeg: probing a master, and writing synthetic masters. */
package dev.marquee.media.api;
