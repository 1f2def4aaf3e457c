package dev.hauntedhelpdesk.architecture.wrong.ticket;

import dev.hauntedhelpdesk.architecture.wrong.web.Page;

/** Breaks "features do not depend on web". */
final class RendersItself {

    String html(String title) {
        return Page.render(title);
    }
}
