package dev.hauntedhelpdesk.lambda;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP API the template deploys in front of a function, read from the SAM resources: the
 * routes (the function's {@code HttpApi} events), the JWT authorizers with their issuer and
 * audiences, which one is the default, and the CORS configuration.
 */
record HttpApiDefinition(List<HttpApiRoute> routes, Map<String, JwtConfiguration> authorizers,
                         Optional<GatewayCors> cors) {

    /** One JWT authorizer's configuration. */
    record JwtConfiguration(String identityHeader, String issuer, List<String> audiences) {
    }

    /** The route API Gateway picks for a request; empty means 404. */
    Optional<HttpApiRoute.Match> route(String method, String path) {
        return routes.stream().flatMap(r -> r.match(method, path).stream())
                .max(Comparator.comparingInt(HttpApiRoute.Match::specificity));
    }

    /**
     * Reads the API {@code apiId} and the routes every function of the template adds to it.
     *
     * @param template the SAM template
     * @param values how its intrinsics resolve in this deployment
     * @param apiId the logical id of the {@code AWS::Serverless::HttpApi}
     */
    @SuppressWarnings("unchecked")
    static HttpApiDefinition of(SamTemplate template, TemplateValues values, String apiId) {
        Map<String, Object> api = (Map<String, Object>) values.resolve(template.properties(apiId));
        Map<String, Object> auth = (Map<String, Object>) api.getOrDefault("Auth", Map.of());
        Optional<String> defaultAuthorizer = Optional.ofNullable((String) auth.get("DefaultAuthorizer"));
        Map<String, JwtConfiguration> authorizers = new LinkedHashMap<>();
        ((Map<String, Object>) auth.getOrDefault("Authorizers", Map.of())).forEach((name, raw) -> {
            Map<String, Object> authorizer = (Map<String, Object>) raw;
            Map<String, Object> jwt = (Map<String, Object>) authorizer.get("JwtConfiguration");
            if (jwt == null) {
                throw new IllegalStateException("Only JWT authorizers are modelled; " + name + " is another kind");
            }
            String source = (String) authorizer.get("IdentitySource");
            if (!source.startsWith("$request.header.")) {
                throw new IllegalStateException("Only header identity sources are modelled: " + source);
            }
            authorizers.put(name, new JwtConfiguration(source.substring("$request.header.".length()),
                    (String) jwt.get("issuer"), (List<String>) jwt.get("audience")));
        });

        List<HttpApiRoute> routes = new ArrayList<>();
        Map<String, Object> resources = (Map<String, Object>) template.root().get("Resources");
        resources.forEach((logicalId, raw) -> {
            Map<String, Object> resource = (Map<String, Object>) raw;
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) {
                return;
            }
            Map<String, Object> properties = template.properties(logicalId);
            Map<String, Object> events = (Map<String, Object>) properties.getOrDefault("Events", Map.of());
            events.values().forEach(rawEvent -> {
                Map<String, Object> event = (Map<String, Object>) rawEvent;
                if (!"HttpApi".equals(event.get("Type"))) {
                    return;
                }
                Map<String, Object> eventProperties = (Map<String, Object>) event.get("Properties");
                if (!Map.of("Ref", apiId).equals(eventProperties.get("ApiId"))) {
                    return;
                }
                Map<String, Object> eventAuth = (Map<String, Object>) eventProperties.getOrDefault("Auth", Map.of());
                String authorizer = (String) eventAuth.get("Authorizer");
                Optional<String> applied = authorizer == null ? defaultAuthorizer
                        : authorizer.equals("NONE") ? Optional.empty() : Optional.of(authorizer);
                applied.ifPresent(a -> {
                    if (!authorizers.containsKey(a)) {
                        throw new IllegalStateException("Route names an unknown authorizer " + a);
                    }
                });
                routes.add(new HttpApiRoute(HttpApiRoute.normalize((String) eventProperties.get("Method")),
                        (String) eventProperties.get("Path"), applied));
            });
        });

        Optional<GatewayCors> cors = Optional.ofNullable((Map<String, Object>) api.get("CorsConfiguration"))
                .map(HttpApiDefinition::cors);
        return new HttpApiDefinition(List.copyOf(routes), Map.copyOf(authorizers), cors);
    }

    @SuppressWarnings("unchecked")
    private static GatewayCors cors(Map<String, Object> configuration) {
        Object maxAge = configuration.get("MaxAge");
        return new GatewayCors(
                (List<String>) configuration.getOrDefault("AllowOrigins", List.of()),
                (List<String>) configuration.getOrDefault("AllowMethods", List.of()),
                (List<String>) configuration.getOrDefault("AllowHeaders", List.of()),
                (List<String>) configuration.getOrDefault("ExposeHeaders", List.of()),
                maxAge == null ? null : Integer.valueOf(String.valueOf(maxAge)),
                Boolean.parseBoolean(String.valueOf(configuration.getOrDefault("AllowCredentials", "false"))));
    }
}
