package dev.hauntedhelpdesk.lambda;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One route of an HTTP API ({@code GET /health/{check}}, {@code ANY /{proxy+}}) and the authorizer
 * it requires, if any.
 *
 * @param method an HTTP method or {@code ANY}
 * @param path the route's path, with {@code {name}} and a final greedy {@code {name+}} variable
 * @param authorizer the name of the authorizer in front of it; empty for {@code NONE}
 */
record HttpApiRoute(String method, String path, Optional<String> authorizer) {

    /** The route key API Gateway writes into the event: {@code "GET /health"}. */
    String key() {
        return method + " " + path;
    }

    /** A route this request matches, with its path parameters and how specific the match is. */
    record Match(HttpApiRoute route, Map<String, String> pathParameters, int specificity) {
    }

    /**
     * Matches a request. API Gateway picks the most specific route: a full literal match before
     * path variables, those before a greedy variable, and a route's own method before {@code ANY}.
     */
    Optional<Match> match(String requestMethod, String requestPath) {
        if (!method.equals("ANY") && !method.equalsIgnoreCase(requestMethod)) {
            return Optional.empty();
        }
        List<String> template = segments(path);
        List<String> actual = segments(requestPath);
        Map<String, String> parameters = new LinkedHashMap<>();
        int literals = 0;
        boolean greedy = false;
        for (int i = 0; i < template.size(); i++) {
            String part = template.get(i);
            if (part.startsWith("{") && part.endsWith("+}")) {
                if (i != template.size() - 1 || actual.size() <= i) {
                    return Optional.empty();
                }
                parameters.put(part.substring(1, part.length() - 2), String.join("/", actual.subList(i, actual.size())));
                greedy = true;
                break;
            }
            if (i >= actual.size()) {
                return Optional.empty();
            }
            if (part.startsWith("{") && part.endsWith("}")) {
                parameters.put(part.substring(1, part.length() - 1), actual.get(i));
            } else if (part.equals(actual.get(i))) {
                literals++;
            } else {
                return Optional.empty();
            }
        }
        if (!greedy && template.size() != actual.size()) {
            return Optional.empty();
        }
        int kind = greedy ? 0 : parameters.isEmpty() ? 2 : 1;
        int specificity = kind * 10_000 + literals * 10 + (method.equals("ANY") ? 0 : 1);
        return Optional.of(new Match(this, parameters, specificity));
    }

    private static List<String> segments(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }

    @Override
    public String toString() {
        return key() + authorizer.map(a -> " [" + a + "]").orElse(" [NONE]");
    }

    /** SAM accepts methods in any case ({@code any}, {@code get}). */
    static String normalize(String method) {
        return method.toUpperCase(Locale.ROOT);
    }
}
