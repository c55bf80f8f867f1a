/** Measures the platform foundation: server start, restart, memory and request throughput. */
package dev.marquee.bench;
