package dev.hauntedhelpdesk.lambda.snapstart;

import java.util.Map;

/** A read-only request priming sends, before it is put in an API Gateway event. */
record PrimingRequest(String method, String path, Map<String, String> headers) {

    PrimingRequest {
        headers = Map.copyOf(headers);
    }

    String name() {
        return method + " " + path + (headers.containsKey("authorization") ? " (malformed bearer)" : "");
    }
}
