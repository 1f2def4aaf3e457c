package dev.hauntedhelpdesk.contract;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Arrays;

/**
 * Test-only routes: one that fails unexpectedly, to check what an unhandled error shows a client;
 * one that answers with repeated headers, to check every value arrives; one that answers with a
 * body of any size, to check payload limits.
 */
@Controller("/api/faults")
@Requires(property = "helpdesk.test.faults", value = "true")
@Secured(SecurityRule.IS_AUTHENTICATED)
class FaultController {

    static final String SECRET = "db-password=hunter2";

    @Get("/boom")
    String boom() {
        throw new IllegalStateException("internal detail " + SECRET);
    }

    @Get("/repeated-headers")
    HttpResponse<String> repeatedHeaders() {
        return HttpResponse.ok("{}").contentType(MediaType.APPLICATION_JSON_TYPE)
                .header("X-Repeated", "one")
                .header("X-Repeated", "two")
                .header("Set-Cookie", "first=1; Path=/; Secure; HttpOnly")
                .header("Set-Cookie", "second=2; Path=/; Expires=Wed, 21 Oct 2037 07:28:00 GMT");
    }

    @Get("/bytes/{size}")
    HttpResponse<byte[]> bytes(@PathVariable int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        return HttpResponse.ok(body).contentType(MediaType.APPLICATION_OCTET_STREAM_TYPE);
    }
}
