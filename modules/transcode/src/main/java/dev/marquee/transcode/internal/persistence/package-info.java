/** JPA implementation of the transcode repository (persistence unit "transcode"). */
package dev.marquee.transcode.internal.persistence;
