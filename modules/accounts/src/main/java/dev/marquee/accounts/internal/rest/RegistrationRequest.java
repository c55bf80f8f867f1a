package dev.marquee.accounts.internal.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/accounts}. */
public record RegistrationRequest(
    @NotBlank @Email @Size(max = 320) String email,
    @NotNull String password,
    @Size(max = 100) String displayName,
    @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 country code")
        String country) {}
