package dev.hauntedhelpdesk.container.dev;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * Dev mode only: Swagger UI on {@code /openapi.yml}, from the swagger-ui webjar that only the dev
 * profile puts on the classpath (the shipped jar has neither the webjar nor, without it, this
 * bean). Every asset comes from this server; the UI's online validator is switched off, so the
 * page contacts nothing else.
 */
@Controller("/dev/swagger-ui")
@Requires(env = DevMode.ENVIRONMENT)
@Requires(resources = "classpath:" + DevSwaggerUiController.WEBJAR_POM)
@Secured(SecurityRule.IS_ANONYMOUS)
class DevSwaggerUiController {

    static final String WEBJAR_POM = "META-INF/maven/org.webjars/swagger-ui/pom.properties";

    /** The webjar's files this page uses, and their types; nothing else is served. */
    private static final Map<String, String> ASSETS = Map.of(
            "swagger-ui.css", "text/css",
            "swagger-ui-bundle.js", "text/javascript",
            "swagger-ui-standalone-preset.js", "text/javascript",
            "favicon-32x32.png", "image/png");

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Haunted Helpdesk API (dev)</title>
              <link rel="stylesheet" href="/dev/swagger-ui/swagger-ui.css">
              <link rel="icon" type="image/png" href="/dev/swagger-ui/favicon-32x32.png">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/dev/swagger-ui/swagger-ui-bundle.js"></script>
              <script src="/dev/swagger-ui/swagger-ui-standalone-preset.js"></script>
              <script>
                window.ui = SwaggerUIBundle({
                  url: "/openapi.yml",
                  dom_id: "#swagger-ui",
                  validatorUrl: null,
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                  layout: "StandaloneLayout"
                });
              </script>
            </body>
            </html>
            """;

    private final String assets;

    DevSwaggerUiController() {
        DevMode.refuseDeployedRuntime(System.getenv());
        this.assets = "META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";
    }

    @Get(produces = MediaType.TEXT_HTML)
    String page() {
        return PAGE;
    }

    @Get("/{file}")
    HttpResponse<byte[]> asset(@PathVariable String file) {
        String type = ASSETS.get(file);
        if (type == null) {
            return HttpResponse.notFound();
        }
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(assets + file)) {
            if (in == null) {
                return HttpResponse.notFound();
            }
            return HttpResponse.ok(in.readAllBytes()).contentType(type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion() {
        try (InputStream in = DevSwaggerUiController.class.getClassLoader().getResourceAsStream(WEBJAR_POM)) {
            Properties pom = new Properties();
            pom.load(in);
            return pom.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
