package dev.hauntedhelpdesk.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fetches an attachment as a client does: the API answers with the bytes, or with 303 See Other
 * to a short-lived storage link, which is followed with a plain GET and no {@code Authorization}
 * header (browsers and {@code curl -L} drop it on a redirect to another host, and S3 refuses a
 * request that carries two kinds of credentials).
 */
public final class Downloads {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    private Downloads() {
    }

    /** The API's answer and, after a redirect, the storage's. */
    public record Download(ApiResponse answer, ApiResponse file) {

        public boolean redirected() {
            return answer.status() == 303;
        }

        public int status() {
            return file.status();
        }

        public byte[] bytes() {
            return file.bytes();
        }

        /** The query parameters of the link the API redirected to. */
        public Map<String, String> linkParameters() {
            return query(URI.create(answer.header("Location")));
        }

        /**
         * The {@code Content-Disposition} the file is served with: the API's header, or the
         * override signed into the storage link (S3 serves it; moto ignores it).
         */
        public String disposition() {
            return redirected() ? linkParameters().get("response-content-disposition") : file.header("Content-Disposition");
        }

        /** The {@code Content-Type} the file is served with, chosen the same way. */
        public String contentType() {
            return redirected() ? linkParameters().get("response-content-type") : file.header("Content-Type");
        }

        @Override
        public String toString() {
            return redirected() ? answer + " -> " + file.status() + " " + file.headers() : answer.toString();
        }
    }

    /** GETs {@code path} as {@code user}, following a redirect to storage. */
    public static Download get(Api api, String user, String path) {
        ApiResponse answer = api.as(user, ApiRequest.of("GET", path));
        if (answer.status() != 303) {
            return new Download(answer, answer);
        }
        return new Download(answer, follow(URI.create(answer.header("Location"))));
    }

    private static ApiResponse follow(URI location) {
        try {
            HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(location).timeout(Duration.ofSeconds(60))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            Map<String, String> headers = new HashMap<>();
            response.headers().map().forEach((k, v) -> headers.put(k, String.join(",", v)));
            return new ApiResponse(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (uri.getRawQuery() == null) {
            return parameters;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }
}
