package dev.hauntedhelpdesk.attachment;

import dev.hauntedhelpdesk.config.HelpdeskSettings;
import io.micronaut.aws.sdk.v2.service.s3.S3ClientFactory;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.exceptions.DisabledBeanException;
import jakarta.inject.Singleton;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The S3 client exists only where attachments are stored on S3.
 *
 * <p>micronaut-aws builds a client for every AWS service whose SDK is on the classpath, and a
 * Lambda context creates every singleton during init, so a deployment that keeps attachments on
 * disk built an S3 client it never used. This replaces that bean, from the same builder (region,
 * credentials, endpoint override, HTTP client, metrics); a factory that throws
 * {@link DisabledBeanException} leaves no bean behind. The bucket tool of triage builds its own
 * client when a ticket first names a bucket ({@code triage.S3BucketInspector}).
 */
@Factory
class S3ClientForAttachments {

    @Singleton
    @Bean(preDestroy = "close")
    @Replaces(bean = S3Client.class, factory = S3ClientFactory.class)
    S3Client s3Client(S3ClientBuilder builder, HelpdeskSettings settings) {
        if (settings.attachments().store() != HelpdeskSettings.AttachmentStore.S3) {
            throw new DisabledBeanException("attachments are not stored on S3 (ATTACHMENT_STORE)");
        }
        return builder.build();
    }
}
