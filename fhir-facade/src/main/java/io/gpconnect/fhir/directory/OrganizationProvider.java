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
import org.hl7.fhir.dstu3.model.Organization;

import java.util.Optional;

/** F5 find and F6 read an organisation. */
public final class OrganizationProvider implements IResourceProvider {
    private final Directory directory;

    public OrganizationProvider(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Class<Organization> getResourceType() {
        return Organization.class;
    }

    @Read
    public Organization read(@IdParam IdType id, RequestDetails request) {
        return directory.organisation(Practice.ods(request), id.getIdPart()).map(DirectoryMapper::organization)
                .orElseThrow(() -> new GpConnectException(SpineCode.ORGANISATION_NOT_FOUND, "No organisation with id '" + id.getIdPart() + "'"));
    }

    @Search(allowUnknownParams = true)
    public Bundle search(RequestDetails request) {
        IdentifierSearch search = IdentifierSearch.parse(request.getParameters(), Profiles.ODS_ORGANIZATION_CODE);
        return SearchBundles.of(request, directory.organisationByOdsCode(Practice.ods(request), search.value())
                .map(DirectoryMapper::organization).stream().toList());
    }
}
