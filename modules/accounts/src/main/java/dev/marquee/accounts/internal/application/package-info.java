/** Accounts' use cases: registration, OAuth2 grants, profiles, devices; transaction boundaries. */
package dev.marquee.accounts.internal.application;
