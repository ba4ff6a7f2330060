package dev.switchboard.handoff;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeIn;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** What {@code /v3/api-docs} says about the inbox API and how to sign in to it. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
    info =
        @Info(
            title = "Switchboard inbox",
            version = "1",
            description =
                "Escalations waiting for a person, and their answers. Errors are RFC 9457 problem"
                    + " details. Every answer is authorized before it is written; the same"
                    + " decision twice is idempotent, a conflicting one is a 409 naming who decided"
                    + " first."))
@SecurityScheme(
    name = "bearer",
    type = SecuritySchemeType.HTTP,
    scheme = "bearer",
    description = "A service token, or an OIDC access token (JWT) when configured")
@SecurityScheme(
    name = "session",
    type = SecuritySchemeType.APIKEY,
    in = SecuritySchemeIn.COOKIE,
    paramName = "JSESSIONID",
    description =
        "The session from POST /api/session (HTTP Basic); writes also need its X-CSRF-TOKEN")
class ApiDocumentation {}
