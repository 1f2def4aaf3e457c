package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;

/** Picks the attachment store ATTACHMENT_STORE names; the S3 client is built only when it is used. */
@Factory
class AttachmentStorageFactory {

    @Singleton
    AttachmentStorage attachmentStorage(HelpdeskSettings settings, BeanProvider<S3Client> s3) {
        HelpdeskSettings.Attachments attachments = settings.attachments();
        return switch (attachments.store()) {
            case FILESYSTEM -> new FileSystemAttachmentStorage(settings.uploadDir());
            case S3 -> new S3AttachmentStorage(s3.get(), attachments.s3Bucket());
        };
    }
}
