/** FFmpeg through JavaCPP: every native call and its error handling lives here. */
package dev.marquee.media.internal.ffmpeg;
