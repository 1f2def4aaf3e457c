package dev.hauntedhelpdesk.testing;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.env.Environment;
import io.micronaut.core.naming.conventions.StringConvention;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * In a context made by {@link SdkCallRecorder#as}, records the effective {@code helpdesk.*} and
 * {@code aws.region} settings once at start-up: the table, bucket, queue and model the recorded
 * calls of that context name are the ones a deployment's variables would name.
 */
@Context
@Requires(property = "aws.session-token", pattern = "role\\..+")
class RecordedContextSettings {

    RecordedContextSettings(Environment environment, @Value("${aws.session-token}") String token) {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("kind", "context");
        line.put("context", token);
        line.put("role", SdkCallRecorder.role(token));
        Map<String, String> settings = new TreeMap<>();
        environment.getProperties("helpdesk", StringConvention.RAW).forEach((key, value) -> {
            if (value != null && !(value instanceof Map<?, ?>)) {
                settings.put("helpdesk." + key, String.valueOf(value));
            }
        });
        environment.getProperty("aws.region", String.class).ifPresent(region -> settings.put("aws.region", region));
        line.putAll(settings);
        SdkCallRecorder.write(line);
    }
}
