/** Accounts' entities, domain rules (passwords, codes) and repository interfaces. */
package dev.marquee.accounts.internal.domain;
