package dev.hauntedhelpdesk.request;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hauntedhelpdesk.problem.BodyNotAnObjectException;
import dev.hauntedhelpdesk.problem.MalformedJsonException;
import dev.hauntedhelpdesk.problem.PayloadTooLargeException;
import io.micronaut.http.HttpRequest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Reads a JSON request body strictly: exactly one JSON document (nothing but whitespace after
 * it), no key twice in an object, UTF-8 only, and an object at the top. Micronaut Serde, which
 * binds {@code @Body} records, cannot be told to do this: its decoder reads numbers and booleans
 * as text and unwraps one-element arrays unconditionally, and it stops after the first document.
 * Jackson's own parser and mapper can, by configuration, so controllers hand their request here
 * and the bytes are read in one way in both runtimes (binding {@code @Body byte[]} is not: the
 * Lambda proxy's binder fails on an empty body where Netty's gives null). The values come back as
 * plain Java types (String, Integer/Long/BigInteger, Double, Boolean, List, Map, null) for each
 * use case to check field by field.
 */
public final class JsonBodies {

    /** Far above any valid ticket (title 200 + description 10,000 characters, UTF-8). */
    public static final long MAX_BYTES = 64 * 1024;

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private JsonBodies() {
    }

    /**
     * Reads the request's body and returns its top-level object; callers run on a blocking
     * executor, never on the event loop.
     *
     * @throws PayloadTooLargeException over {@link #MAX_BYTES}, however it was sent
     * @see #object(byte[])
     */
    public static Map<String, Object> object(HttpRequest<?> request) {
        return object(bytes(request));
    }

    /** The request's body bytes, as the client sent them (Lambda: with API Gateway's base64 undone). */
    public static byte[] bytes(HttpRequest<?> request) {
        return RequestBodies.bytes(request, MAX_BYTES);
    }

    /**
     * The body's top-level object, member by member in the order sent.
     *
     * @throws MalformedJsonException when the body is empty, too large, not UTF-8, not valid JSON,
     *                                repeats a key, or has content after the document
     * @throws BodyNotAnObjectException when the document is valid JSON but not an object
     */
    public static Map<String, Object> object(byte[] body) {
        if (body == null || body.length == 0) {
            throw new MalformedJsonException("The request body is empty; this endpoint takes a JSON object");
        }
        if (body.length > MAX_BYTES) {
            throw new PayloadTooLargeException(MAX_BYTES);
        }
        JsonNode tree;
        try {
            // Jackson would guess UTF-16 or UTF-32 from the first bytes; RFC 8259 allows only UTF-8.
            tree = STRICT.readTree(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString());
        } catch (CharacterCodingException e) {
            throw new MalformedJsonException("The request body is not UTF-8");
        } catch (MismatchedInputException e) {
            // With FAIL_ON_TRAILING_TOKENS this is the one mismatch reading a tree can raise.
            throw new MalformedJsonException("The request body has content after its JSON document"
                    + at(e));
        } catch (JsonParseException e) {
            throw new MalformedJsonException("The request body is not valid JSON: " + e.getOriginalMessage() + at(e));
        } catch (JsonProcessingException e) {
            throw new MalformedJsonException("The request body is not valid JSON" + at(e));
        }
        if (tree == null || tree.isMissingNode()) {
            throw new MalformedJsonException("The request body is empty; this endpoint takes a JSON object");
        }
        if (!tree.isObject()) {
            throw new BodyNotAnObjectException();
        }
        return STRICT.convertValue(tree, OBJECT);
    }

    private static String at(JsonProcessingException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }
}
