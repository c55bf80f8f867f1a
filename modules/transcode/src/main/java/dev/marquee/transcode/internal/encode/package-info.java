/** Encoding with FFmpeg in process: one chunk of one ladder rung, closed GOP, IDR first. */
package dev.marquee.transcode.internal.encode;
