package dev.hauntedhelpdesk.contract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Compares the routes an application serves with the operations its OpenAPI document lists, both
 * ways, and names every difference. A served route with a path variable is documented either by
 * the same template (variable names aside) or by the concrete paths it stands for
 * ({@code /health/{selector}} by {@code /health/liveness}). The router answers {@code HEAD} on
 * every {@code GET} route by itself (RFC 9110: the same answer without its body), so a
 * {@code HEAD} route is documented by its {@code GET}. An operation without a summary counts as
 * undocumented: micronaut-openapi lists every controller route it compiles, described or not.
 */
public final class RouteDrift {

    private RouteDrift() {
    }

    /** A route as the application's router has it: method and URI template. */
    public record Route(String method, String template) {

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    /**
     * Every difference: a served route that no operation documents, and a documented operation that
     * no route serves. Routes whose template starts with one of {@code excludedPrefixes} are left out.
     */
    public static List<String> differences(Collection<Route> served, Collection<OpenApiDocument.Operation> documented,
                                           Collection<String> excludedPrefixes) {
        List<Route> routes = served.stream()
                .filter(r -> excludedPrefixes.stream().noneMatch(r.template()::startsWith))
                .toList();
        List<String> differences = new ArrayList<>();
        for (Route route : routes) {
            if (documented.stream().noneMatch(op -> matches(route, op))) {
                differences.add(route + " is served but not documented");
            }
        }
        for (OpenApiDocument.Operation op : documented) {
            if (routes.stream().noneMatch(route -> matches(route, op))) {
                differences.add(op + " is documented but not served");
            } else if (op.summary() == null || op.summary().isBlank()) {
                // The generator lists a route it found even when nobody documented it.
                differences.add(op + " is served but not documented (no summary: give it an @Operation)");
            }
        }
        return differences;
    }

    private static boolean matches(Route route, OpenApiDocument.Operation op) {
        if (route.method().equals("HEAD") && op.method().equals("GET")) {
            return matches(new Route("GET", route.template()), op);
        }
        if (!route.method().equals(op.method())) {
            return false;
        }
        return shape(route.template()).equals(shape(op.path())) || pattern(route.template()).matcher(op.path()).matches();
    }

    /** The template with its variables' names left out. */
    private static String shape(String template) {
        return template.replaceAll("\\{[^}]*}", "{}");
    }

    private static Pattern pattern(String template) {
        StringBuilder regex = new StringBuilder();
        for (String part : template.split("(?=\\{)|(?<=})")) {
            regex.append(part.startsWith("{") ? "[^/{}]+" : Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }
}
