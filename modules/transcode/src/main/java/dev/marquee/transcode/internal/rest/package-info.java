/** Operators' and creators' HTTP view of transcode jobs and renditions. */
package dev.marquee.transcode.internal.rest;
