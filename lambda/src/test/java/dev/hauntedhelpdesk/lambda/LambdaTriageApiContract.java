package dev.hauntedhelpdesk.lambda;

import dev.hauntedhelpdesk.contract.TriageApiContract;

import java.util.HashMap;
import java.util.Map;

/**
 * The triage contract in Lambda: runs out of band go to an SQS queue on moto and from there, as
 * Lambda's event source mapping would deliver them, to the real {@link TriageQueueHandler}.
 */
abstract class LambdaTriageApiContract extends TriageApiContract {

    private SqsEventSource queue;

    @Override
    protected Map<String, Object> withTriageQueue(Map<String, Object> properties) {
        queue = new SqsEventSource();
        queue.addTo(properties);
        queue.start(new HashMap<>(properties));
        return properties;
    }

    @Override
    protected void stopTriageQueue() {
        if (queue != null) {
            queue.close();
        }
    }
}
