package io.gpconnect.launcher.conformance;

import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.dstu3.model.Reference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.gpconnect.launcher.conformance.SpineAssertions.assertError;
import static io.gpconnect.launcher.conformance.SpineAssertions.assertStatus;
import static org.assertj.core.api.Assertions.assertThat;

/** F1 Get the CapabilityStatement (spec §2.2; suite FHIR.feature and the "CapabilityStatement supports" scenarios). */
class MetadataTest {
    private static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    private static CapabilityStatement statement;

    @BeforeAll
    static void read() {
        Reply reply = Call.get("/metadata", Gpc.METADATA).send();
        assertStatus(reply, 200);
        statement = reply.resource(CapabilityStatement.class);
    }

    @Test
    void describesGpConnect127OnFhir301() {
        assertThat(statement.getVersion()).isEqualTo("1.2.7");
        assertThat(statement.getFhirVersion()).isEqualTo("3.0.1");
        assertThat(statement.getAcceptUnknown()).isEqualTo(CapabilityStatement.UnknownContentCode.BOTH);
        assertThat(statement.getFormat()).extracting(f -> f.getValue())
                .contains("application/fhir+json", "application/fhir+xml");
        assertThat(statement.getSoftware().getName()).isNotBlank();
        assertThat(statement.getSoftware().getVersion()).isNotBlank();
        assertThat(statement.getSoftware().hasReleaseDate()).isTrue();
    }

    @Test
    void listsEveryGpConnectProfileOnce() {
        assertThat(statement.getProfile()).extracting(Reference::getReference).containsOnlyOnce(
                SD + "CareConnect-GPC-Patient-1", SD + "CareConnect-GPC-Organization-1", SD + "CareConnect-GPC-Practitioner-1",
                SD + "CareConnect-GPC-PractitionerRole-1", SD + "CareConnect-GPC-Location-1", SD + "GPConnect-OperationOutcome-1",
                SD + "GPConnect-Appointment-1", SD + "GPConnect-Schedule-1", SD + "GPConnect-Slot-1");
    }

    @Test
    void declaresEachResourceWithItsInteractionsAndSearchParameters() {
        CapabilityStatementRestComponent rest = statement.getRestFirstRep();
        assertThat(rest.getMode()).isEqualTo(CapabilityStatement.RestfulCapabilityMode.SERVER);
        for (String type : new String[] {"Patient", "Organization", "Practitioner"}) {
            assertThat(interactions(resource(rest, type))).as(type)
                    .contains(TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE);
            assertThat(resource(rest, type).getSearchParam()).extracting(p -> p.getName()).contains("identifier");
        }
        assertThat(interactions(resource(rest, "Location"))).contains(TypeRestfulInteraction.READ);
        CapabilityStatementRestResourceComponent appointment = resource(rest, "Appointment");
        assertThat(interactions(appointment)).contains(TypeRestfulInteraction.READ, TypeRestfulInteraction.CREATE,
                TypeRestfulInteraction.UPDATE, TypeRestfulInteraction.SEARCHTYPE);
        assertThat(appointment.getUpdateCreate()).isFalse();
    }

    @Test
    void declaresTheSlotSearchWithItsIncludesAndParameters() {
        CapabilityStatementRestResourceComponent slot = resource(statement.getRestFirstRep(), "Slot");
        assertThat(interactions(slot)).contains(TypeRestfulInteraction.SEARCHTYPE);
        assertThat(slot.getSearchInclude()).extracting(i -> i.getValue()).contains("Schedule:actor:Location",
                "Schedule:actor:Practitioner", "Slot:schedule", "Location:managingOrganization");
        assertThat(slot.getSearchParam()).extracting(p -> p.getName() + ":" + p.getType().toCode())
                .contains("start:date", "end:date", "status:token", "searchFilter:token");
    }

    /** Spec §2.2 F1: rest.operation lists gpc.registerpatient with its OperationDefinition. */
    @Test
    void advertisesTheRegisterPatientOperation() {
        assertThat(statement.getRestFirstRep().getOperation())
                .filteredOn(o -> o.getName().equals("gpc.registerpatient")).singleElement()
                .satisfies(o -> assertThat(o.getDefinition().getReference())
                        .isEqualTo("https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1"));
    }

    @ParameterizedTest(name = "scope {0}")
    @ValueSource(strings = {"patient/*.read", "patient/*.write", "badScope"})
    void needsTheOrganizationReadScope(String scope) {
        Reply reply = Call.get("/metadata", Gpc.METADATA).jwt(Jwt.forScope(scope)).send();
        assertError(reply, 400, "BAD_REQUEST");
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatementRestComponent rest, String type) {
        return rest.getResource().stream().filter(r -> r.getType().equals(type)).findFirst()
                .orElseThrow(() -> new AssertionError("CapabilityStatement has no " + type));
    }

    private static java.util.List<TypeRestfulInteraction> interactions(CapabilityStatementRestResourceComponent resource) {
        return resource.getInteraction().stream().map(i -> i.getCode()).toList();
    }
}
