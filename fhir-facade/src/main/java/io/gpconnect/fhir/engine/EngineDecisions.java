package io.gpconnect.fhir.engine;

import io.gpconnect.commands.CommandGateway;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.schemas.Requester;
import io.gpconnect.schemas.command.AppointmentCommand;
import io.gpconnect.schemas.event.AppointmentEvent;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

/**
 * Sends one command to the booking engine and waits for the event deciding it. An engine that does not answer
 * is a 503, never a guess: the command may still be decided after the consumer was told it timed out.
 */
public final class EngineDecisions {
    private static final Logger log = LoggerFactory.getLogger(EngineDecisions.class);
    private final CommandGateway gateway;
    private final Clock clock;

    public EngineDecisions(CommandGateway gateway, Clock clock) {
        this.gateway = gateway;
        this.clock = clock;
    }

    /** @param command one of the AppointmentCommand.command union's records */
    public AppointmentEvent decide(String ods, Object command, Requester requester, String retryAdvice) {
        AppointmentCommand envelope = AppointmentCommand.newBuilder()
                .setCommandId(UUID.randomUUID().toString())
                .setIssuedAt(clock.instant())
                .setRequester(requester)
                .setCommand(command)
                .build();
        try {
            return gateway.submit(ods, envelope).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, 503,
                        "The booking engine did not decide in time; the request may still take effect. " + retryAdvice);
            }
            // Not "failed": an unacknowledged command may still have reached the topic and be decided. The
            // broker's error is for the log, not for the consumer.
            log.warn("Command {} not acknowledged by the broker", envelope.getCommandId(), e.getCause());
            throw new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, 503,
                    "The booking engine is unavailable; the request may still take effect. " + retryAdvice);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GpConnectException(SpineCode.INTERNAL_SERVER_ERROR, "Interrupted while awaiting the decision");
        }
    }
}
