package dev.hauntedhelpdesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The goals the issue sets for the API function (as the template deploys it) and the triage
 * function, each judged from the medians of this run's table, so the verdict moves with the
 * figures. API function: init+first call within 1.5× the plain handler's and ahead of both
 * reference functions, warm p50 within 1.3×, peak RSS within 1.5×, and an artifact of at most
 * 40 MB (10^6 bytes, as the table counts). The API function's container image is judged on the
 * same start, latency and memory goals beside it (its artifact is an image, whose limit is 10 GB).
 * Triage function: init within 2× the plain handler's, peak RSS at most 400 MB, judged for its zip
 * and for its container image.
 */
final class Goals {

    private static final double MAX_INIT_FIRST_RATIO = 1.5;
    private static final double MAX_WARM_RATIO = 1.3;
    private static final double MAX_RSS_RATIO = 1.5;
    private static final double MAX_ARTIFACT_MB = 40;
    private static final double MAX_TRIAGE_INIT_RATIO = 2;
    private static final double MAX_TRIAGE_RSS_MB = 400;

    /** One goal line: what it asks, whether this run meets it, and the figures it was judged on. */
    record Goal(String text, boolean met, String measured) {
    }

    private final Table table;
    private final Subject plain;
    private final Subject api;
    private final Subject image;
    private final Subject micronaut;
    private final Subject springBoot;
    private final Subject triage;
    private final Subject triageImage;

    Goals(Table table, Subject plain, Subject api, Subject image, Subject micronaut, Subject springBoot,
          Subject triage, Subject triageImage) {
        this.table = table;
        this.plain = plain;
        this.api = api;
        this.image = image;
        this.micronaut = micronaut;
        this.springBoot = springBoot;
        this.triage = triage;
        this.triageImage = triageImage;
    }

    List<Goal> judge() {
        List<Goal> goals = new ArrayList<>(functionGoals("API function", api));
        goals.add(new Goal("API function: artifact ≤ 40 MB", api.deployment().megabytes() <= MAX_ARTIFACT_MB,
                Cells.number(api.deployment().megabytes()) + " MB"));
        goals.addAll(functionGoals("API function as a container image", image));
        goals.addAll(triageGoals("Triage function", triage));
        goals.addAll(triageGoals("Triage function as a container image", triageImage));
        return goals;
    }

    /** The init and memory goals of one way of deploying the triage function. */
    private List<Goal> triageGoals(String what, Subject function) {
        double initRatio = ratioToPlain(function, ColdStart.Sample::initMs);
        double rss = table.median(function, ColdStart.Sample::peakRssMb);
        return List.of(
                new Goal(what + ": init ≤ 2× plain", initRatio <= MAX_TRIAGE_INIT_RATIO, ratio(initRatio)),
                new Goal(what + ": peak RSS ≤ 400 MB", rss <= MAX_TRIAGE_RSS_MB, Cells.number(rss) + " MB"));
    }

    /** The start, latency and memory goals of one way of deploying the API function. */
    private List<Goal> functionGoals(String what, Subject function) {
        double initFirst = table.median(function, ColdStart.Sample::initPlusFirstMs);
        double initFirstRatio = ratioToPlain(function, ColdStart.Sample::initPlusFirstMs);
        double micronautInitFirst = table.median(micronaut, ColdStart.Sample::initPlusFirstMs);
        double springBootInitFirst = table.median(springBoot, ColdStart.Sample::initPlusFirstMs);
        double warmRatio = ratioToPlain(function, ColdStart.Sample::warmP50Ms);
        double rssRatio = ratioToPlain(function, ColdStart.Sample::peakRssMb);
        return List.of(
                new Goal(what + ": init+first ≤ 1.5× plain", initFirstRatio <= MAX_INIT_FIRST_RATIO, ratio(initFirstRatio)),
                new Goal(what + ": init+first ahead of bare Micronaut and of Spring Boot",
                        initFirst < micronautInitFirst && initFirst < springBootInitFirst,
                        String.format(Locale.ROOT, "%s ms; bare Micronaut %s ms, Spring Boot %s ms", Cells.number(initFirst),
                                Cells.number(micronautInitFirst), Cells.number(springBootInitFirst))),
                new Goal(what + ": warm p50 ≤ 1.3×", warmRatio <= MAX_WARM_RATIO, ratio(warmRatio)),
                new Goal(what + ": peak RSS ≤ 1.5×", rssRatio <= MAX_RSS_RATIO, ratio(rssRatio)));
    }

    String render() {
        StringBuilder out = new StringBuilder("The issue's goals, judged from the medians above (the API function is ")
                .append(api.name()).append("; its container image ").append(image.name()).append("):\n\n");
        for (Goal goal : judge()) {
            out.append("- ").append(goal.text()).append(": **").append(goal.met() ? "met" : "not met")
                    .append("** (").append(goal.measured()).append(")\n");
        }
        return out.toString();
    }

    /** A function's median over the plain handler's, as the table's ratios are. */
    private double ratioToPlain(Subject function, ToDoubleFunction<ColdStart.Sample> value) {
        return table.median(function, value) / table.median(plain, value);
    }

    private static String ratio(double value) {
        return String.format(Locale.ROOT, "%.2f×", value);
    }
}
