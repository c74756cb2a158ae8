package io.gpconnect.fhir.support;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Resource;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * A GPConnect-Searchset-Bundle-1 (spec §8): type searchset, no fullUrl, an empty result is an empty Bundle.
 * We fill what HAPI would otherwise fill for us: its self link loses the resource path under a service-root
 * tenant, and its lastUpdated is in the JVM's time zone rather than UK local time.
 */
public final class SearchBundles {
    private SearchBundles() {
    }

    public static Bundle of(RequestDetails request, List<? extends Resource> matches) {
        return of(request, matches, List.of());
    }

    /** The matches first, then what they include (e.g. a slot's Schedule), each entry marked accordingly. */
    public static Bundle of(RequestDetails request, List<? extends Resource> matches, Collection<? extends Resource> included) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.getMeta().addProfile(Profiles.SEARCHSET_BUNDLE).setLastUpdatedElement(UkTime.instant(Instant.now()));
        if (request.getCompleteUrl() != null) {
            bundle.addLink().setRelation("self").setUrl(request.getCompleteUrl());
        }
        matches.forEach(r -> bundle.addEntry().setResource(r).getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        included.forEach(r -> bundle.addEntry().setResource(r).getSearch().setMode(Bundle.SearchEntryMode.INCLUDE));
        bundle.setTotal(matches.size());
        return bundle;
    }
}
