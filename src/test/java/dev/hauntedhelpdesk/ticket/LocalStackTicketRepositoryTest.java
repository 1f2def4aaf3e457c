package dev.hauntedhelpdesk.ticket;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The repository contract against LocalStack's DynamoDB, started by Testcontainers. Where no Docker
 * engine is reachable the class is skipped with that reason in the test report (and on stdout).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIf(value = "dockerReachable", disabledReason = "no Docker engine reachable: LocalStack variant skipped")
class LocalStackTicketRepositoryTest extends TicketRepositoryContract {

    /** Override with LOCALSTACK_IMAGE; current LocalStack images need LOCALSTACK_AUTH_TOKEN. */
    private static final String IMAGE = System.getenv().getOrDefault("LOCALSTACK_IMAGE", "localstack/localstack:4.4");

    private LocalStackContainer localstack;
    private DynamoDbClient client;

    @BeforeAll
    @Override
    void createTable() {
        localstack = new LocalStackContainer(DockerImageName.parse(IMAGE))
                .withServices(LocalStackContainer.Service.DYNAMODB);
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token != null) {
            localstack.withEnv("LOCALSTACK_AUTH_TOKEN", token);
        }
        localstack.start();
        client = DynamoDbClient.builder()
                .endpointOverride(localstack.getEndpoint())
                .region(Region.of(localstack.getRegion()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(localstack.getAccessKey(), localstack.getSecretKey())))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        super.createTable();
    }

    static boolean dockerReachable() {
        boolean docker = DockerClientFactory.instance().isDockerAvailable();
        if (!docker) {
            System.out.println("SKIPPED " + LocalStackTicketRepositoryTest.class.getSimpleName()
                    + ": no Docker engine reachable");
        }
        return docker;
    }

    @AfterAll
    void stop() {
        if (localstack != null) {
            localstack.stop();
        }
    }

    @Override
    protected DynamoDbClient client() {
        return client;
    }
}
