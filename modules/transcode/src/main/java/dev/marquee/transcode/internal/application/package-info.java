/** Starting transcode jobs and reporting on them; the facade. */
package dev.marquee.transcode.internal.application;
