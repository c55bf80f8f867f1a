/** The accounts module's face: the facade, typed IDs, views of accounts, profiles and devices. */
package dev.marquee.accounts.api;
