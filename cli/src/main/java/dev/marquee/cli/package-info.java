/** The {@code marquee} command line: picocli commands over Marquee's HTTP API. */
package dev.marquee.cli;
