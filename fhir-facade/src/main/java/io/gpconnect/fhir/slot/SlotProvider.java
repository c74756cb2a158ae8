package io.gpconnect.fhir.slot;

import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import io.gpconnect.fhir.directory.Directory;
import io.gpconnect.fhir.directory.DirectoryMapper;
import io.gpconnect.fhir.server.Practice;
import io.gpconnect.fhir.support.SearchBundles;
import io.gpconnect.schemas.feed.LocationPublished;
import io.gpconnect.schemas.feed.SchedulePublished;
import io.gpconnect.schemas.slot.OrganisationAccess;
import io.gpconnect.schemas.slot.SlotState;
import io.gpconnect.store.ViewQueries;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Resource;
import org.hl7.fhir.dstu3.model.Slot;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A1 Search for free slots (spec §2.3): one range scan of the practice's free-slot view, filtered by the
 * organisation rules of §5.6, with the schedules and the actors they reference.
 */
public final class SlotProvider implements IResourceProvider {
    private final ViewQueries views;
    private final Directory directory;

    public SlotProvider(ViewQueries views, Directory directory) {
        this.views = views;
        this.directory = directory;
    }

    @Override
    public Class<Slot> getResourceType() {
        return Slot.class;
    }

    @Search(allowUnknownParams = true)
    public Bundle search(RequestDetails request) {
        SlotSearchRequest search = SlotSearchRequest.parse(request.getParameters());
        String ods = Practice.ods(request);
        List<SlotState> slots = views.freeSlots(ods, search.from(), search.to()).stream()
                .filter(s -> OrganisationAccess.permits(s, search.organisationOds().orElse(null), search.organisationType().orElse(null)))
                .toList();

        List<Slot> matches = new ArrayList<>();
        Map<String, Resource> included = new LinkedHashMap<>();
        // Many slots share few schedules, and each directory read is an interactive query plus an Avro decode:
        // a schedule and what it includes are looked up once per search, not once per slot.
        Map<String, Optional<SchedulePublished>> schedules = new HashMap<>();
        for (SlotState slot : slots) {
            boolean firstOfSchedule = !schedules.containsKey(slot.getScheduleId());
            Optional<SchedulePublished> schedule = schedules.computeIfAbsent(slot.getScheduleId(), id -> directory.schedule(ods, id));
            if (schedule.isEmpty()) {
                continue; // a slot whose schedule has not arrived yet cannot be offered
            }
            matches.add(SlotMapper.slot(slot));
            if (!firstOfSchedule) {
                continue;
            }
            SchedulePublished sch = schedule.get();
            included.computeIfAbsent("Schedule/" + sch.getId(), k -> SlotMapper.schedule(sch));
            Optional<LocationPublished> location = directory.location(ods, sch.getLocationId());
            if (search.includeLocation()) {
                location.ifPresent(l -> included.computeIfAbsent("Location/" + l.getId(), k -> DirectoryMapper.location(l)));
            }
            if (search.includePractitioner() && sch.getPractitionerId() != null) {
                directory.practitioner(ods, sch.getPractitionerId())
                        .ifPresent(p -> included.computeIfAbsent("Practitioner/" + p.getId(), k -> DirectoryMapper.practitioner(p)));
            }
            // Known issue (spec §2.3): the practice Organization is returned whenever a slot is, include or not.
            location.flatMap(l -> directory.organisation(ods, l.getManagingOrganisationId()))
                    .ifPresent(o -> included.computeIfAbsent("Organization/" + o.getId(), k -> DirectoryMapper.organization(o)));
        }
        return SearchBundles.of(request, matches, included.values());
    }
}
