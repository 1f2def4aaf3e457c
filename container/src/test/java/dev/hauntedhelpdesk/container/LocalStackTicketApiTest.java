package dev.hauntedhelpdesk.container;

import dev.hauntedhelpdesk.contract.RuntimeUnderTest;
import dev.hauntedhelpdesk.contract.TicketApiContract;
import dev.hauntedhelpdesk.testing.BackendProperties;
import dev.hauntedhelpdesk.testing.CognitoPool;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.condition.EnabledIf;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.Map;

/**
 * The whole tickets API contract over HTTP with LocalStack (Testcontainers) as the AWS back-end:
 * DynamoDB always, and Cognito too when LOCALSTACK_AUTH_TOKEN is set (Cognito is a paid LocalStack
 * feature; without a token the pool comes from moto). Skipped, and reported as skipped, where no
 * Docker engine is reachable.
 */
@EnabledIf(value = "dockerReachable", disabledReason = "no Docker engine reachable: LocalStack variant skipped")
class LocalStackTicketApiTest extends TicketApiContract {

    private static final String IMAGE = System.getenv().getOrDefault("LOCALSTACK_IMAGE", "localstack/localstack:4.4");
    private static final String TOKEN = System.getenv("LOCALSTACK_AUTH_TOKEN");

    private LocalStackContainer localstack;
    private CognitoPool pool;

    static boolean dockerReachable() {
        boolean docker = DockerClientFactory.instance().isDockerAvailable();
        if (!docker) {
            System.out.println("SKIPPED " + LocalStackTicketApiTest.class.getSimpleName() + ": no Docker engine reachable");
        }
        return docker;
    }

    @Override
    protected RuntimeUnderTest runtime() {
        return new NettyRuntime();
    }

    @Override
    protected synchronized CognitoPool cognitoPool() {
        if (pool == null) {
            pool = TOKEN == null ? CognitoPool.shared() : CognitoPool.create(localstack().getEndpoint());
        }
        return pool;
    }

    @Override
    protected Map<String, Object> backendProperties(String tableName) {
        return BackendProperties.forApp(tableName, localstack().getEndpoint(), cognitoPool());
    }

    private synchronized LocalStackContainer localstack() {
        if (localstack == null) {
            localstack = new LocalStackContainer(DockerImageName.parse(IMAGE))
                    .withServices(LocalStackContainer.Service.DYNAMODB);
            if (TOKEN != null) {
                localstack.withEnv("LOCALSTACK_AUTH_TOKEN", TOKEN).withEnv("SERVICES", "dynamodb,cognito-idp");
            }
            localstack.start();
        }
        return localstack;
    }

    @AfterAll
    void stopLocalStack() {
        if (localstack != null) {
            localstack.stop();
        }
    }
}
