package io.gpconnect.fhir.directory;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import io.gpconnect.fhir.error.GpConnectException;
import io.gpconnect.fhir.error.SpineCode;
import io.gpconnect.fhir.server.Practice;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Location;

/** F9 read a location. */
public final class LocationProvider implements IResourceProvider {
    private final Directory directory;

    public LocationProvider(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Class<Location> getResourceType() {
        return Location.class;
    }

    @Read
    public Location read(@IdParam IdType id, RequestDetails request) {
        return directory.location(Practice.ods(request), id.getIdPart()).map(DirectoryMapper::location)
                .orElseThrow(() -> new GpConnectException(SpineCode.NO_RECORD_FOUND, "No location with id '" + id.getIdPart() + "'"));
    }
}
