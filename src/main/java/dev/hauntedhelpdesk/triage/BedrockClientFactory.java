package dev.hauntedhelpdesk.triage;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * Builds the Bedrock client the engine uses: the SDK's standard AWS retry strategy (it retries
 * throttling, 5xx and I/O errors) with {@value #MAX_ATTEMPTS} attempts and exponential backoff
 * with jitter, a timeout for each call including its retries, and the endpoint override when one
 * is configured ({@code aws.services.bedrockruntime.endpoint-override}; the SDK also honours
 * {@code AWS_ENDPOINT_URL_BEDROCK_RUNTIME} by itself).
 */
public final class BedrockClientFactory {

    static final int MAX_ATTEMPTS = 4;

    private BedrockClientFactory() {
    }

    public static BedrockRuntimeClient create(Region region, AwsCredentialsProvider credentials, URI endpoint,
                                              Duration callTimeout, Duration baseBackoff) {
        return create(region, credentials, endpoint, callTimeout, baseBackoff, List.of());
    }

    /** As above, with interceptors (the SDK call metrics) on every call. */
    public static BedrockRuntimeClient create(Region region, AwsCredentialsProvider credentials, URI endpoint,
                                              Duration callTimeout, Duration baseBackoff,
                                              List<ExecutionInterceptor> interceptors) {
        BackoffStrategy backoff = BackoffStrategy.exponentialDelay(baseBackoff, baseBackoff.multipliedBy(20));
        BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder()
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(UrlConnectionHttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(3))
                        .socketTimeout(callTimeout))
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                                .maxAttempts(MAX_ATTEMPTS)
                                .backoffStrategy(backoff)
                                .throttlingBackoffStrategy(backoff)
                                .build())
                        .apiCallTimeout(callTimeout)
                        .executionInterceptors(interceptors)
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder.build();
    }
}
