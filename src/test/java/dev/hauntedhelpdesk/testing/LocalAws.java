package dev.hauntedhelpdesk.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Region and dummy credentials shared by every local back-end, so the test clients
 * and the application under test sign requests the same way.
 */
final class LocalAws {

    static final Region REGION = Region.US_EAST_1;
    static final String ACCESS_KEY_ID = "test";
    static final String SECRET_KEY = "test";

    private LocalAws() {
    }

    static AwsCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_KEY));
    }
}
