package dev.hauntedhelpdesk.iam;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static java.util.Map.entry;

/**
 * What IAM authorises each SDK operation the code makes as: the action(s), and the ARN each is
 * checked against. One table, {@link #TABLE}; an operation missing from it fails the check, so a
 * new call cannot slip past unexamined.
 */
public final class IamActions {

    /** The account moto answers as (its queue URLs carry it); only consistency matters here. */
    public static final String ACCOUNT = "123456789012";

    /** Which ARN of a call an action is authorised on. */
    enum On {
        /** {@code arn:aws:dynamodb:REGION:ACCOUNT:table/TABLE} */
        TABLE,
        /** The table's ARN, or {@code .../table/TABLE/index/INDEX} when the call names an index. */
        TABLE_OR_INDEX,
        /** {@code arn:aws:s3:::BUCKET} */
        BUCKET,
        /** {@code arn:aws:s3:::BUCKET/KEY} */
        OBJECT,
        /** {@code arn:aws:sqs:REGION:ACCOUNT:NAME}, from the queue URL */
        QUEUE,
        /** The model, and for a cross-region inference profile the profile and every model it routes to. */
        MODEL
    }

    /** One action an operation needs, on which of its resources. */
    record Need(String action, On on) {
    }

    /** One action on one concrete ARN, the unit a policy is checked on. */
    public record Required(String action, String arn) {
    }

    /**
     * Keyed by {@code Service.Operation} as the SDK names them (service names compared without
     * case: the S3 presigner says {@code s3}, the client {@code S3}), or
     * {@code Service.Operation.Part} for the items of a transaction or batch.
     */
    static final Map<String, List<Need>> TABLE = Map.ofEntries(
            entry("dynamodb.getitem", List.of(new Need("dynamodb:GetItem", On.TABLE))),
            entry("dynamodb.putitem", List.of(new Need("dynamodb:PutItem", On.TABLE))),
            entry("dynamodb.updateitem", List.of(new Need("dynamodb:UpdateItem", On.TABLE))),
            entry("dynamodb.deleteitem", List.of(new Need("dynamodb:DeleteItem", On.TABLE))),
            // A Query on an index is authorised on the index's ARN, not the table's.
            entry("dynamodb.query", List.of(new Need("dynamodb:Query", On.TABLE_OR_INDEX))),
            // Readiness reads the table's status.
            entry("dynamodb.describetable", List.of(new Need("dynamodb:DescribeTable", On.TABLE))),
            // TransactWriteItems has no IAM action of its own: each item is authorised as the
            // single-item write it performs, on its own table.
            entry("dynamodb.transactwriteitems.put", List.of(new Need("dynamodb:PutItem", On.TABLE))),
            entry("dynamodb.transactwriteitems.update", List.of(new Need("dynamodb:UpdateItem", On.TABLE))),
            entry("dynamodb.transactwriteitems.delete", List.of(new Need("dynamodb:DeleteItem", On.TABLE))),
            entry("dynamodb.transactwriteitems.conditioncheck",
                    List.of(new Need("dynamodb:ConditionCheckItem", On.TABLE))),
            // Unlike transactions, batches have actions of their own.
            entry("dynamodb.batchgetitem", List.of(new Need("dynamodb:BatchGetItem", On.TABLE))),
            entry("dynamodb.batchwriteitem.put", List.of(new Need("dynamodb:BatchWriteItem", On.TABLE))),
            entry("dynamodb.batchwriteitem.delete", List.of(new Need("dynamodb:BatchWriteItem", On.TABLE))),
            entry("s3.putobject", List.of(new Need("s3:PutObject", On.OBJECT))),
            // Without s3:ListBucket on the bucket, S3 answers a missing key with 403 instead of
            // 404, and the code relies on that 404: a missing attachment is a 404 to the client,
            // an early confirm of a direct upload a 409, not a 503.
            entry("s3.getobject", List.of(new Need("s3:GetObject", On.OBJECT), new Need("s3:ListBucket", On.BUCKET))),
            // HeadObject has no action of its own: it is authorised as s3:GetObject (and the same 404 rule holds).
            entry("s3.headobject", List.of(new Need("s3:GetObject", On.OBJECT), new Need("s3:ListBucket", On.BUCKET))),
            entry("s3.deleteobject", List.of(new Need("s3:DeleteObject", On.OBJECT))),
            // HeadBucket has no action of its own: it is authorised as s3:ListBucket.
            entry("s3.headbucket", List.of(new Need("s3:ListBucket", On.BUCKET))),
            entry("sqs.sendmessage", List.of(new Need("sqs:SendMessage", On.QUEUE))),
            // Converse is authorised as bedrock:InvokeModel (ConverseStream would be
            // bedrock:InvokeModelWithResponseStream).
            entry("bedrockruntime.converse", List.of(new Need("bedrock:InvokeModel", On.MODEL))));

    /**
     * A presigned request is sent later by whoever holds the URL, but S3 authorises it as the
     * signer's own call when it arrives: the signing role needs the action as if it had sent it.
     * So presigned operations take the same lines as sent ones; this set names the ones the
     * table has been checked for.
     */
    static final List<String> PRESIGNABLE = List.of("s3.putobject", "s3.getobject");

    /**
     * Where each geography's cross-region inference profiles route requests (AWS lists them per
     * model; these are the regions common to the Anthropic models). Calling a profile needs
     * bedrock:InvokeModel on the profile and on the foundation model in every region it may
     * route to, so a grant pinned to the caller's region fails there.
     */
    private static final Map<String, List<String>> PROFILE_REGIONS = Map.of(
            "us", List.of("us-east-1", "us-east-2", "us-west-2"),
            "eu", List.of("eu-central-1", "eu-west-1", "eu-west-3", "eu-north-1"),
            "apac", List.of("ap-northeast-1", "ap-southeast-1", "ap-southeast-2", "ap-south-1"));
    private static final Pattern PROFILE = Pattern.compile("([a-z]+)\\.([a-z0-9-]+\\..+)");

    private IamActions() {
    }

    /** The table's key for a call. */
    public static String key(SdkCalls.Call call) {
        String key = call.service().toLowerCase(Locale.ROOT) + "." + call.operation().toLowerCase(Locale.ROOT);
        return call.part().isEmpty() ? key : key + "." + call.part().toLowerCase(Locale.ROOT);
    }

    /**
     * Every action on every ARN the call needs.
     *
     * @throws IllegalArgumentException when the table has no line for the operation
     */
    public static List<Required> required(SdkCalls.Call call) {
        String key = key(call);
        List<Need> needs = TABLE.get(key);
        if (needs == null) {
            throw new IllegalArgumentException("No IAM mapping for " + key + " (" + call + "): add a line to "
                    + "IamActions.TABLE saying which action(s) IAM authorises it as");
        }
        if (call.presigned() && !PRESIGNABLE.contains(key)) {
            throw new IllegalArgumentException("Presigned " + key + " is not in IamActions.PRESIGNABLE: check how S3 "
                    + "authorises it and add it");
        }
        List<Required> required = new ArrayList<>();
        for (Need need : needs) {
            for (String arn : arns(need.on(), call)) {
                required.add(new Required(need.action(), arn));
            }
        }
        return required;
    }

    private static List<String> arns(On on, SdkCalls.Call call) {
        String region = call.region();
        return switch (on) {
            case TABLE -> List.of(table(region, call.require("table")));
            case TABLE_OR_INDEX -> List.of(call.field("index").isEmpty() ? table(region, call.require("table"))
                    : table(region, call.require("table")) + "/index/" + call.field("index"));
            case BUCKET -> List.of("arn:aws:s3:::" + call.require("bucket"));
            case OBJECT -> List.of("arn:aws:s3:::" + call.require("bucket") + "/" + call.require("key"));
            case QUEUE -> List.of(queueArn(region, call.require("queue")));
            case MODEL -> models(region, call.require("model"));
        };
    }

    public static String table(String region, String name) {
        return "arn:aws:dynamodb:" + region + ":" + ACCOUNT + ":table/" + name;
    }

    /** A queue URL's ARN: {@code https://sqs.REGION.amazonaws.com/ACCOUNT/NAME} (moto's URLs have the same path). */
    public static String queueArn(String region, String url) {
        String[] path = URI.create(url).getPath().split("/");
        if (path.length != 3) {
            throw new IllegalArgumentException("Not a queue URL: " + url);
        }
        return "arn:aws:sqs:" + region + ":" + path[1] + ":" + path[2];
    }

    private static List<String> models(String region, String model) {
        if (model.startsWith("arn:")) {
            return List.of(model);
        }
        // A profile id is a geography before a model id: us.anthropic.claude-...; a model id has one dot.
        Matcher profile = PROFILE.matcher(model);
        if (profile.matches()) {
            List<String> destinations = PROFILE_REGIONS.get(profile.group(1));
            if (destinations == null) {
                throw new IllegalArgumentException("Model " + model + " looks like an inference profile of a "
                        + "geography IamActions does not know; add where it routes");
            }
            List<String> arns = new ArrayList<>();
            arns.add("arn:aws:bedrock:" + region + ":" + ACCOUNT + ":inference-profile/" + model);
            for (String destination : destinations) {
                arns.add("arn:aws:bedrock:" + destination + "::foundation-model/" + profile.group(2));
            }
            return arns;
        }
        return List.of("arn:aws:bedrock:" + region + "::foundation-model/" + model);
    }
}
