package dev.hauntedhelpdesk.apidoc;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI document that the build generates from the controllers into this jar, to
 * anyone: a controller rather than a static resource, so both runtimes answer it the same way.
 */
@OpenAPIDefinition(
        info = @Info(title = "Haunted Helpdesk", version = "${helpdesk.version}",
                description = "The helpdesk API. Errors are application/problem+json (RFC 9457) with a stable `type`;"
                        + " besides the statuses listed per operation, any route may answer 405 (with `Allow`),"
                        + " 414 or 431 for a request line or head over 8 KiB."),
        security = @SecurityRequirement(name = OpenApiController.SCHEME))
@SecurityScheme(name = OpenApiController.SCHEME, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT",
        description = "A Cognito access token of the pool (token_use access, client_id one of the app clients);"
                + " behind an ALB with Cognito authentication also in x-amzn-oidc-accesstoken.")
@Tag(name = "openapi", description = "This document")
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class OpenApiController {

    static final String SCHEME = "cognito";
    /** Where micronaut.openapi.target.file (src/pom.xml) writes the document. */
    static final String DOCUMENT = "META-INF/swagger/openapi.yml";
    /** The media type RFC 9512 registers for YAML. */
    static final String YAML = "application/yaml";

    private final byte[] document;

    OpenApiController() {
        this.document = load();
    }

    @Get("/openapi.yml")
    @Produces(YAML)
    @Operation(summary = "This OpenAPI document", operationId = "openapi", security = {})
    @ApiResponse(responseCode = "200", description = "The document, as YAML")
    HttpResponse<byte[]> openApi() {
        return HttpResponse.status(HttpStatus.OK).body(document).contentType(YAML);
    }

    private static byte[] load() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is missing from the classpath: the build generates it");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
