package dev.hauntedhelpdesk.bench;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One execution environment's life: a fresh runtime process and Runtime API, the init, the first
 * (cold) call and then warm calls of the same request, its peak RSS read just before it is stopped.
 * Every answer must be the ticket (200, its id), so a subject that fails cannot post a fast figure.
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

    private final LambdaJvm jvm;
    private final String event;
    private final String ticketId;
    private final int warmCalls;

    ColdStart(LambdaJvm jvm, String event, String ticketId, int warmCalls) {
        this.jvm = jvm;
        this.event = event;
        this.ticketId = ticketId;
        this.warmCalls = warmCalls;
    }

    Sample run(Subject subject, Path log) throws IOException, InterruptedException {
        try (RuntimeApiEmulator api = new RuntimeApiEmulator()) {
            // Queued before the process starts, so it is handed out on the very first poll.
            CompletableFuture<RuntimeApiEmulator.Answer> first = api.invoke(event);
            long started = System.nanoTime();
            Process process = jvm.start(subject, api.address(), log);
            try {
                long initialized = await(api.firstPoll(), api, process, INIT_TIMEOUT_SECONDS, subject, log);
                RuntimeApiEmulator.Answer cold = expectTicket(
                        await(first, api, process, CALL_TIMEOUT_SECONDS, subject, log), subject, log);
                double[] warm = new double[warmCalls];
                for (int i = 0; i < warmCalls; i++) {
                    warm[i] = expectTicket(await(api.invoke(event), api, process, CALL_TIMEOUT_SECONDS, subject, log),
                            subject, log).millis();
                }
                double peakRss = ProcStatus.peakRssMb(process.pid());
                return new Sample((initialized - started) / 1e6, cold.millis(), Cells.median(warm), peakRss);
            } finally {
                stop(process);
            }
        }
    }

    private RuntimeApiEmulator.Answer expectTicket(RuntimeApiEmulator.Answer answer, Subject subject, Path log) {
        if (answer.error()) {
            throw failure(subject, "reported an invocation error: " + answer.body(), log);
        }
        try {
            Map<String, Object> response = JSONObjectUtils.parse(answer.body());
            Object status = response.get("statusCode");
            String body = (String) response.get("body");
            if (Boolean.TRUE.equals(response.get("isBase64Encoded"))) {
                body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
            }
            if (!(status instanceof Number n) || n.intValue() != 200
                    || !ticketId.equals(JSONObjectUtils.parse(body).get("ticket_id"))) {
                throw failure(subject, "did not answer with the ticket: " + answer.body(), log);
            }
        } catch (ParseException | ClassCastException e) {
            throw failure(subject, "answered something that is no API Gateway response: " + answer.body(), log);
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
