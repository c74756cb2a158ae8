package io.gpconnect.launcher.seed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * A practice system's export in the shape of seed/demo-practice.json: directory data and rolling schedule
 * templates from which the slots of the coming days are made.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PracticeData(String providerAsid, List<Organisation> organisations, List<Location> locations,
                           List<Practitioner> practitioners, List<Patient> patients, List<Schedule> schedules) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Telecom(String system, String value, String use) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Address(List<String> line, String city, String district, String postalCode) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organisation(String id, String odsCode, String name, List<Telecom> telecom, Address address, boolean servedHere) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(String id, String name, String odsSiteCode, Address address, List<Telecom> telecom,
                           String managingOrganisationId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Practitioner(String id, String sdsUserId, List<String> roleProfileIds, String family, List<String> given,
                               List<String> prefix, String gender, String organisationId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Patient(String id, String nhsNumber, String family, List<String> given, List<String> prefix, String birthDate,
                          String gender, Address address, List<Telecom> telecom, String organisationId,
                          String preferredBranchLocationId, boolean active, boolean sensitive, boolean deceased,
                          boolean superseded, boolean notOnSpine) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Role(String code, String display) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SlotTemplate(String serviceType, String deliveryChannel, int lengthMinutes, String dayStart, String dayEnd,
                               boolean weekdaysOnly) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Schedule(String id, String organisationId, String locationId, List<String> practitionerIds, Role practitionerRole,
                           String serviceCategory, SlotTemplate slots, List<String> bookableOrgTypes, List<String> bookableOdsCodes,
                           boolean gpConnectBookable) {
    }

    public String servedOds() {
        return organisations.stream().filter(Organisation::servedHere).map(Organisation::odsCode).findFirst()
                .orElseThrow(() -> new IllegalStateException("No organisation is marked servedHere"));
    }
}
