/** Transcode jobs, their chunk x rung tasks, renditions and the segment index. */
package dev.marquee.transcode.internal.domain;
