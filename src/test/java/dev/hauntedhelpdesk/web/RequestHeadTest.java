package dev.hauntedhelpdesk.web;

import dev.hauntedhelpdesk.problem.ProblemType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RequestHeadTest {

    @Test
    void check_measuresTheRequestLineAndHeaderLinesAsNettyDoes() {
        // "GET /a HTTP/1.1" is 15 bytes; "X: yy" is 5.
        assertEquals(Optional.empty(), RequestHead.check("GET", "/a", Map.of("X", List.of("yy")), 15, 5));
        assertEquals(ProblemType.URI_TOO_LONG,
                RequestHead.check("GET", "/ab", Map.of(), 15, 5).orElseThrow().type());
        assertEquals(ProblemType.REQUEST_HEADER_FIELDS_TOO_LARGE,
                RequestHead.check("GET", "/a", Map.of("X", List.of("yyy")), 15, 5).orElseThrow().type());
    }

    @Test
    void check_refusesControlCharactersAndNamesThatAreNotTokens() {
        for (Map<String, List<String>> headers : List.of(Map.of("X", List.of("a\u0000b")), Map.of("X", List.of("a\nb")),
                Map.of("X", List.of("a\u007fb")), Map.of("X Y", List.of("a")), Map.of("X:", List.of("a")))) {
            assertEquals(ProblemType.BAD_REQUEST, RequestHead.check("GET", "/", headers, 100, 100).orElseThrow().type(),
                    headers::toString);
        }
        assertEquals(Optional.empty(), RequestHead.check("GET", "/", Map.of("X", List.of("a\tb é")), 100, 100));
    }

    @Test
    void trimOws_dropsSpacesAndTabsAroundAValueOnly() {
        assertEquals("a \t b", RequestHead.trimOws(" \ta \t b\t "));
        assertEquals("", RequestHead.trimOws("  "));
    }
}
