package dev.hauntedhelpdesk.bench.spring;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/** A DynamoDB item as plain values a JSON mapper writes: strings, numbers, booleans, lists, maps. */
final class Items {

    private Items() {
    }

    static Map<String, Object> plain(Map<String, AttributeValue> item) {
        Map<String, Object> values = new LinkedHashMap<>();
        item.forEach((name, value) -> values.put(name, plain(value)));
        return values;
    }

    private static Object plain(AttributeValue value) {
        return switch (value.type()) {
            case S -> value.s();
            case N -> new BigDecimal(value.n());
            case BOOL -> value.bool();
            case L -> value.l().stream().map(Items::plain).toList();
            case M -> plain(value.m());
            case NUL -> null;
            // The ticket items hold none of the other types (sets, binaries).
            default -> value.toString();
        };
    }
}
