package dev.hauntedhelpdesk.bench.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A reference subject of the benchmark: a Spring Boot web application serving
 * {@code GET /api/tickets/{id}} ({@link TicketController}). On Lambda the library's
 * {@code SpringDelegatingLambdaContainerHandler} is the handler: it starts this application (named
 * by {@code MAIN_CLASS}) during init and hands each API Gateway event to Spring MVC, no Tomcat.
 */
@SpringBootApplication
public class TicketApplication {

    /** Region, credentials and AWS_ENDPOINT_URL_DYNAMODB come from the environment, as for the SDK's default client. */
    @Bean
    DynamoDbClient dynamoDb() {
        return DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build();
    }

    public static void main(String[] args) {
        SpringApplication.run(TicketApplication.class, args);
    }
}
