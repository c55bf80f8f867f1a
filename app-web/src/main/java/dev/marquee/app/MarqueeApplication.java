package dev.marquee.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Every module's REST resources under {@code /api}. Bearer tokens are MicroProfile JWTs issued by
 * the accounts module's token endpoint. The OpenAPI document ({@code /openapi}) declares the bearer
 * scheme here; each resource method states the roles it admits as that scheme's scopes, or {@code
 * x-public} when it takes no token, and the problem responses it can give ({@link
 * ProblemResponsesFilter} completes their bodies).
 */
@ApplicationPath("/api")
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Marquee API",
            version = "0.1.0",
            description = "Video-on-demand platform: accounts, catalog, ingest, playback.",
            license = @License(name = "Apache-2.0")))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    bearerFormat = "JWT",
    description =
        "An access token from POST /api/oauth/token. An operation's security requirement lists"
            + " the roles (the token's groups: viewer, creator, operator, admin) of which the"
            + " token must carry at least one; every account has viewer. Operations without a"
            + " requirement are marked x-public: true and take no token.")
public class MarqueeApplication extends Application {}
