package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.problem.ProblemException;
import dev.hauntedhelpdesk.problem.ProblemType;

/** A file's bytes are none of the accepted kinds (png, jpeg, gif, webp, bmp, UTF-8 text). */
final class UnsupportedFileTypeException extends ProblemException {

    UnsupportedFileTypeException(String fileName) {
        super(ProblemType.UNSUPPORTED_MEDIA_TYPE, "File '" + fileName + "' is not a PNG, JPEG, GIF, WebP or BMP "
                + "image nor plain UTF-8 text; the type is read from the bytes, not from the name or header");
    }
}
