package io.gpconnect.fhir.directory;

import io.gpconnect.fhir.support.Profiles;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.Resource;

import java.util.List;

/** A GPConnect searchset Bundle: no fullUrl, an empty result is an empty Bundle (spec §8). */
public final class SearchBundles {
    private SearchBundles() {
    }

    public static Bundle of(List<? extends Resource> matches) {
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        bundle.getMeta().addProfile(Profiles.SEARCHSET_BUNDLE);
        matches.forEach(r -> bundle.addEntry().setResource(r).getSearch().setMode(Bundle.SearchEntryMode.MATCH));
        bundle.setTotal(matches.size());
        return bundle;
    }
}
