package dev.hauntedhelpdesk.architecture.wrong.web;

/** Stands for the HTTP rendering in {@code web}. */
public final class Page {

    public static String render(String body) {
        return "<p>" + body + "</p>";
    }
}
