/**
 * Marquee's own ISO-BMFF writer: CMAF init and media segments (ftyp/moov, styp/moof/mdat), clear or
 * with Common Encryption ('cenc', 'cbcs').
 */
package dev.marquee.transcode.internal.cmaf;
