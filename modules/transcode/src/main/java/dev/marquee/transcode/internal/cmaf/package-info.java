/** Marquee's own ISO-BMFF writer: CMAF init and media segments (ftyp/moov, styp/moof/mdat). */
package dev.marquee.transcode.internal.cmaf;
