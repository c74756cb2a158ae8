package io.gpconnect.fhir.directory;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.server.Practice;
import io.gpconnect.fhir.support.Profiles;
import io.gpconnect.fhir.support.SearchBundles;
import org.hl7.fhir.dstu3.model.Bundle;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Practitioner;

/** F7 find and F8 read a practitioner. */
public final class PractitionerProvider implements IResourceProvider {
    private final Directory directory;

    public PractitionerProvider(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Class<Practitioner> getResourceType() {
        return Practitioner.class;
    }

    @Read
    public Practitioner read(@IdParam IdType id, RequestDetails request) {
        return directory.practitioner(Practice.ods(request), id.getIdPart()).map(DirectoryMapper::practitioner)
                .orElseThrow(() -> new GpConnectException(SpineCode.PRACTITIONER_NOT_FOUND, "No practitioner with id '" + id.getIdPart() + "'"));
    }

    @Search(allowUnknownParams = true)
    public Bundle search(RequestDetails request) {
        IdentifierSearch search = IdentifierSearch.parse(request.getParameters(), Profiles.SDS_USER_ID);
        return SearchBundles.of(request, directory.practitionerBySdsUserId(Practice.ods(request), search.value())
                .map(DirectoryMapper::practitioner).stream().toList());
    }
}
