/** ArchUnit rules for Marquee's module boundaries (CONVENTIONS.md item 11). */
package dev.marquee.architecture;
