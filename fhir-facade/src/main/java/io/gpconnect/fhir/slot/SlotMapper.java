package io.gpconnect.fhir.slot;

import io.gpconnect.fhir.support.Profiles;
import io.gpconnect.fhir.support.Resources;
import io.gpconnect.fhir.support.UkTime;
import io.gpconnect.schemas.feed.SchedulePublished;
import io.gpconnect.schemas.slot.SlotState;
import org.hl7.fhir.dstu3.model.CodeType;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Schedule;
import org.hl7.fhir.dstu3.model.Slot;

/** GPConnect-Slot-1 and GPConnect-Schedule-1 (spec §4.2, §4.3): no specialty, no comment. */
public final class SlotMapper {
    private SlotMapper() {
    }

    public static Slot slot(SlotState s) {
        Slot out = new Slot();
        out.setId(s.getId());
        out.setMeta(Resources.meta(Profiles.SLOT, 1));
        out.addExtension(Profiles.EXT_DELIVERY_CHANNEL, new CodeType(s.getDeliveryChannel()));
        out.addServiceType(new CodeableConcept().setText(s.getServiceType()));
        out.setSchedule(new Reference("Schedule/" + s.getScheduleId()));
        out.setStatus(Slot.SlotStatus.FREE);
        out.setStartElement(UkTime.instant(s.getStart()));
        out.setEndElement(UkTime.instant(s.getEnd()));
        return out;
    }

    public static Schedule schedule(SchedulePublished s) {
        Schedule out = new Schedule();
        out.setId(s.getId());
        out.setMeta(Resources.meta(Profiles.SCHEDULE, 1));
        out.addExtension(Profiles.EXT_PRACTITIONER_ROLE, new CodeableConcept().addCoding(
                new Coding(Profiles.CS_SDS_JOB_ROLE, s.getPractitionerRoleCode(), s.getPractitionerRoleDisplay())));
        if (s.getServiceCategory() != null) {
            out.setServiceCategory(new CodeableConcept().setText(s.getServiceCategory()));
        }
        out.addActor(new Reference("Location/" + s.getLocationId()));
        if (s.getPractitionerId() != null) {
            out.addActor(new Reference("Practitioner/" + s.getPractitionerId()));
        }
        Period horizon = new Period();
        horizon.setStartElement(UkTime.dateTime(s.getPlanningHorizonStart()));
        horizon.setEndElement(UkTime.dateTime(s.getPlanningHorizonEnd()));
        out.setPlanningHorizon(horizon);
        return out;
    }
}
