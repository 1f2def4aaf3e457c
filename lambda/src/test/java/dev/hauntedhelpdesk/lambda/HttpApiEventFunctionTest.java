package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The payload 2.0 answer rewritten into the fields API Gateway reads. */
class HttpApiEventFunctionTest {

    @Test
    void foldHeaders_joinsRepeatedValuesIntoHeaders_movesSetCookieToCookies_andDropsMultiValueHeaders() {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        multi.put("Vary", List.of("Origin", "Accept-Encoding"));
        multi.put("Access-Control-Expose-Headers", List.of("ETag", "Location"));
        multi.put("Set-Cookie", List.of("a=1; Path=/", "b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT"));
        multi.put("ETag", List.of("\"3\""));
        Map<String, String> single = new LinkedHashMap<>();
        multi.forEach((k, v) -> single.put(k, v.get(0)));
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder().withStatusCode(200)
                .withHeaders(single).withMultiValueHeaders(multi).build();

        APIGatewayV2HTTPResponse folded = HttpApiEventFunction.foldHeaders(response);

        assertEquals(Map.of("Vary", "Origin,Accept-Encoding", "Access-Control-Expose-Headers", "ETag,Location",
                "ETag", "\"3\""), folded.getHeaders());
        assertEquals(List.of("a=1; Path=/", "b=2; Expires=Wed, 21 Oct 2037 07:28:00 GMT"), folded.getCookies());
        assertNull(folded.getMultiValueHeaders());
    }

    @Test
    void foldHeaders_keepsSingleHeaders_whenThereAreNoRepeats() {
        APIGatewayV2HTTPResponse response = APIGatewayV2HTTPResponse.builder().withStatusCode(204)
                .withHeaders(Map.of("X-Correlation-ID", "abc")).build();

        APIGatewayV2HTTPResponse folded = HttpApiEventFunction.foldHeaders(response);

        assertEquals(Map.of("X-Correlation-ID", "abc"), folded.getHeaders());
        assertNull(folded.getCookies());
    }
}
