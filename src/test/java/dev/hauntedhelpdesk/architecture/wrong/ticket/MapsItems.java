package dev.hauntedhelpdesk.architecture.wrong.ticket;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Breaks "only AWS adapters see the AWS SDK": a domain class building a DynamoDB attribute. */
public final class MapsItems {

    AttributeValue title(String title) {
        return AttributeValue.fromS(title);
    }

    public static String name() {
        return "ticket";
    }
}
