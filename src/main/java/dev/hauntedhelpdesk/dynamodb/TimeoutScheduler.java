package dev.hauntedhelpdesk.dynamodb;

import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The timer an SDK client keeps its call bounds on. Every call schedules two timeouts (the call's
 * and its attempt's) and cancels both when it answers, nearly always long before they are due.
 * The SDK's own pool ({@code sdk-ScheduledExecutor}, five threads) keeps a cancelled timeout
 * queued until it is due and then wakes a thread to drop it: two wake-ups and two queued tasks
 * per call, seconds after the call has ended. This one removes a timeout when it is cancelled and
 * has one thread, which only aborts calls that overrun.
 */
final class TimeoutScheduler {

    private TimeoutScheduler() {
    }

    static ScheduledThreadPoolExecutor create(String name) {
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().name(name).daemon().factory());
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }
}
