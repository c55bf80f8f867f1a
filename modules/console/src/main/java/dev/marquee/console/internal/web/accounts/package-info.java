/** The admin console's account pages: find accounts, see one, lock and unlock, device trust. */
package dev.marquee.console.internal.web.accounts;
