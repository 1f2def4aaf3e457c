package dev.hauntedhelpdesk.lambda.fakecrac;

/** As {@code jdk.crac.Resource}: what org.crac hands a CRaC implementation for each registration. */
public interface Resource {

    void beforeCheckpoint(Context<? extends Resource> context) throws Exception;

    void afterRestore(Context<? extends Resource> context) throws Exception;
}
