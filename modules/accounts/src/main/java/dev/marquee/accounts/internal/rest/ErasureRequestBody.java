package dev.marquee.accounts.internal.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Body of {@code DELETE /api/accounts/me}: the owner's password, re-entered. */
public record ErasureRequestBody(
    @NotEmpty(message = "re-enter the account's password to confirm the erasure") @Size(max = 1000)
        String password) {}
