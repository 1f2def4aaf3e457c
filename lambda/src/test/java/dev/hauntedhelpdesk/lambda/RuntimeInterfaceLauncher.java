package dev.hauntedhelpdesk.lambda;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;

/**
 * Starts the Runtime Interface Client the way the managed java21 runtime's bootstrap does:
 * {@code AWSLambda <handler>}, with the handler taken from {@code _HANDLER}.
 */
public final class RuntimeInterfaceLauncher {

    private RuntimeInterfaceLauncher() {
    }

    public static void main(String[] args) throws Throwable {
        AWSLambda.main(new String[] {System.getenv("_HANDLER")});
    }
}
