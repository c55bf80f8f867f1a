/** HTTP face of playback: sessions. */
package dev.marquee.playback.internal.rest;
