package dev.hauntedhelpdesk.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One execution environment's life: a fresh runtime process and Runtime API, the init, the first
 * (cold) call and then warm calls of the subject's workload, its peak RSS read just before it is
 * stopped. Every answer must be right ({@link Workload#problem}), so a subject that fails cannot
 * post a fast figure. {@link #drift} is one long life instead, read at its start and its end.
 */
final class ColdStart {

    private static final long INIT_TIMEOUT_SECONDS = 180;
    private static final long CALL_TIMEOUT_SECONDS = 60;

    /** What one cold start measured. */
    record Sample(double initMs, double firstCallMs, double warmP50Ms, double peakRssMb) {

        double initPlusFirstMs() {
            return initMs + firstCallMs;
        }
    }

    /** One long life: every warm call's latency, and the RSS at the first reading and after the last call. */
    record Drift(double[] callMs, double rssAtFirstReadingMb, double rssAtEndMb) {
    }

    private final LambdaJvm jvm;

    ColdStart(LambdaJvm jvm) {
        this.jvm = jvm;
    }

    Sample run(Subject subject, Path log) throws IOException, InterruptedException {
        Life life = live(subject, log, subject.workload().warmCalls(), 0);
        return new Sample(life.initMs(), life.coldMs(), Cells.median(life.warmMs()), life.peakRssMb());
    }

    /** One life of {@code calls} warm calls; the RSS is read after call {@code firstReading} and at the end. */
    Drift drift(Subject subject, int calls, int firstReading, Path log) throws IOException, InterruptedException {
        Life life = live(subject, log, calls, firstReading);
        return new Drift(life.warmMs(), life.rssAtFirstReadingMb(), life.rssAtEndMb());
    }

    private record Life(double initMs, double coldMs, double[] warmMs, double rssAtFirstReadingMb, double rssAtEndMb,
                        double peakRssMb) {
    }

    /** Starts the subject and makes the cold call and {@code calls} warm ones; {@code firstReading} 0 reads no early RSS. */
    private Life live(Subject subject, Path log, int calls, int firstReading) throws IOException, InterruptedException {
        Workload workload = subject.workload();
        try (RuntimeApiEmulator api = new RuntimeApiEmulator()) {
            // Queued before the process starts, so it is handed out on the very first poll.
            CompletableFuture<RuntimeApiEmulator.Answer> first = api.invoke(workload.event(0));
            long started = System.nanoTime();
            Process process = jvm.start(subject, api.address(), log);
            try {
                long initialized = await(api.firstPoll(), api, process, INIT_TIMEOUT_SECONDS, subject, log);
                RuntimeApiEmulator.Answer cold = expectRight(
                        await(first, api, process, CALL_TIMEOUT_SECONDS, subject, log), subject, log);
                double[] warm = new double[calls];
                double rssAtFirstReading = 0;
                for (int i = 0; i < calls; i++) {
                    warm[i] = expectRight(await(api.invoke(workload.event(i + 1)), api, process,
                            CALL_TIMEOUT_SECONDS, subject, log), subject, log).millis();
                    if (i + 1 == firstReading) {
                        rssAtFirstReading = ProcStatus.rssMb(process.pid());
                    }
                }
                return new Life((initialized - started) / 1e6, cold.millis(), warm, rssAtFirstReading,
                        ProcStatus.rssMb(process.pid()), ProcStatus.peakRssMb(process.pid()));
            } finally {
                stop(process);
            }
        }
    }

    private static RuntimeApiEmulator.Answer expectRight(RuntimeApiEmulator.Answer answer, Subject subject, Path log) {
        if (answer.error()) {
            throw failure(subject, "reported an invocation error: " + answer.body(), log);
        }
        String problem = subject.workload().problem(answer.body());
        if (problem != null) {
            throw failure(subject, problem + ": " + answer.body(), log);
        }
        return answer;
    }

    private static <T> T await(CompletableFuture<T> future, RuntimeApiEmulator api, Process process, long seconds,
                               Subject subject, Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (api.initError().isDone()) {
                throw failure(subject, "reported an init error: " + api.initError().join(), log);
            }
            try {
                return future.get(20, TimeUnit.MILLISECONDS);
            } catch (TimeoutException notYet) {
                if (!process.isAlive()) {
                    throw failure(subject, "exited with code " + process.exitValue(), log);
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        throw failure(subject, "gave no sign within " + seconds + " s", log);
    }

    static void stop(Process process) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static IllegalStateException failure(Subject subject, String what, Path log) {
        return new IllegalStateException(subject.name() + " " + what + "; its output is in " + log);
    }
}
