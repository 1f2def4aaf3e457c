package dev.hauntedhelpdesk.dynamodb;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Creates the table at start-up when DYNAMODB_CREATE_TABLE=true (dev mode, emulators). */
@Context
@Requires(property = "helpdesk.create-table", value = "true")
class TableBootstrap {

    TableBootstrap(DynamoDbClient client, HelpdeskSettings settings) {
        HelpdeskTable.createIfMissing(client, settings.tableName());
    }
}
