package io.gpconnect.fhir.security;

import java.util.Optional;

/**
 * Who is asking, as the JWT states it (spec §3.1): the originating organisation and the logged-on user.
 *
 * @param organisationOdsCode ODS code from {@code requesting_organization}
 * @param practitionerId      {@code requesting_practitioner.id}, equal to the JWT {@code sub}
 * @param sdsUserId           SDS user id, possibly the literal {@code UNK} the spec allows
 * @param sdsRoleProfileId    SDS role profile id, absent when the consumer sent none (also allowed)
 */
public record Requester(String organisationOdsCode, String practitionerId, String sdsUserId,
        Optional<String> sdsRoleProfileId) {
}
