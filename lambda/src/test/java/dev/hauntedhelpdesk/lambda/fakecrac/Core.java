package dev.hauntedhelpdesk.lambda.fakecrac;

import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in CRaC implementation, in the shape org.crac looks for (system property
 * {@code org.crac.Core.Compat} naming this package): it keeps what is registered, as a JDK's
 * global context does, and {@link #checkpointRestore()} notifies it as a checkpoint and a restore
 * would (before the checkpoint in reverse order of registration, after the restore in order),
 * without taking any snapshot. What it is handed are org.crac's proxies, which hold the
 * application's resources only weakly, as on a CRaC JDK or Lambda.
 */
public final class Core {

    private static final Global GLOBAL = new Global();

    private Core() {
    }

    public static Context<Resource> getGlobalContext() {
        return GLOBAL;
    }

    public static void checkpointRestore() throws CheckpointException, RestoreException {
        try {
            GLOBAL.beforeCheckpoint(null);
        } catch (Exception e) {
            throw new CheckpointException(e);
        }
        try {
            GLOBAL.afterRestore(null);
        } catch (Exception e) {
            throw new RestoreException(e);
        }
    }

    /** How many resources have been registered. */
    public static int registered() {
        return GLOBAL.resources.size();
    }

    private static final class Global extends Context<Resource> {

        private final List<Resource> resources = new ArrayList<>();

        @Override
        public synchronized void register(Resource resource) {
            resources.add(resource);
        }

        @Override
        public synchronized void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
            for (int i = resources.size() - 1; i >= 0; i--) {
                resources.get(i).beforeCheckpoint(this);
            }
        }

        @Override
        public synchronized void afterRestore(Context<? extends Resource> context) throws Exception {
            for (Resource resource : resources) {
                resource.afterRestore(this);
            }
        }
    }
}
