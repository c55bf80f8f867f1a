/** ArchUnit rules for Marquee's module boundaries, as docs/architecture.md describes them. */
package dev.marquee.architecture;
