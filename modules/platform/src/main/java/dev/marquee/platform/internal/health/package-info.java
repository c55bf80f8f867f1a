/** MicroProfile Health checks: liveness of the server, readiness of the database. */
package dev.marquee.platform.internal.health;
