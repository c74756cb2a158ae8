package io.gpconnect.store.appointments;

import io.gpconnect.schemas.event.AppointmentEvent;

/**
 * Told once an event is in the views, so that whoever awaits its command can answer with a read that is
 * guaranteed to see it (read-your-writes).
 */
@FunctionalInterface
public interface AppliedEventListener {
    AppliedEventListener NONE = event -> { };

    void applied(AppointmentEvent event);
}
