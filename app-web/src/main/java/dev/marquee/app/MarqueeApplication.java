package dev.marquee.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlow;
import org.eclipse.microprofile.openapi.annotations.security.OAuthFlows;
import org.eclipse.microprofile.openapi.annotations.security.OAuthScope;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * Every module's REST resources under {@code /api}. Bearer tokens are RS256 JWTs issued by the
 * accounts module's token endpoint and verified by its {@code BearerAuthentication} mechanism
 * before any resource runs (ADR 38). The OpenAPI document ({@code /openapi}) declares the bearer
 * scheme here, as OAuth2 with the roles as scopes (OpenAPI 3.0 allows scopes only there); each
 * resource method states the roles it admits as that scheme's scopes, or {@code x-public} when it
 * takes no token, and the problem responses it can give ({@link ProblemResponsesFilter} completes
 * their bodies).
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
    info =
        @Info(
            title = "Marquee API",
            version = "0.1.0",
            description = "Video-on-demand platform: accounts, catalog, ingest, playback.",
            license = @License(name = "Apache-2.0")))
@SecurityScheme(
    securitySchemeName = "bearer",
    type = SecuritySchemeType.OAUTH2,
    flows =
        @OAuthFlows(
            password =
                @OAuthFlow(
                    tokenUrl = "/api/oauth/token",
                    refreshUrl = "/api/oauth/token",
                    scopes = {
                      @OAuthScope(
                          name = "viewer",
                          description = "Every account: watch, profiles, devices, lists"),
                      @OAuthScope(
                          name = "creator",
                          description = "Upload masters, audio and subtitles for own titles"),
                      @OAuthScope(
                          name = "operator",
                          description = "Run the service: jobs, keys, audit, moderation"),
                      @OAuthScope(name = "admin", description = "Manage accounts and the catalog")
                    })),
    description =
        "OAuth 2.0 bearer tokens (RS256 JWTs) from POST /api/oauth/token. Besides the"
            + " password grant declared here, the token endpoint accepts refresh_token (rotating)"
            + " and urn:ietf:params:oauth:grant-type:device_code (RFC 8628; a device starts at"
            + " POST /api/oauth/device_authorization). The scopes are Marquee's roles (the"
            + " token's groups); a token carries the roles of its account, whatever a client"
            + " asks for. An operation's security requirement lists the roles of which the"
            + " token must carry at least one; every account has viewer. Operations without a"
            + " requirement are marked x-public: true and take no token.")
public class MarqueeApplication extends Application {}
