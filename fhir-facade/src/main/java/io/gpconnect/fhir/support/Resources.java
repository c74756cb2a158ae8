package io.gpconnect.fhir.support;

import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Meta;

import java.util.List;

/** Small conversions shared by the resource mappers. */
public final class Resources {
    private Resources() {
    }

    public static Meta meta(String profile, long version) {
        return new Meta().addProfile(profile).setVersionId(String.valueOf(version));
    }

    public static ContactPoint contactPoint(io.gpconnect.schemas.ContactPoint c) {
        ContactPoint cp = new ContactPoint().setValue(c.getValue());
        try {
            cp.setSystem(ContactPoint.ContactPointSystem.fromCode(c.getSystem()));
        } catch (Exception e) {
            cp.setSystem(ContactPoint.ContactPointSystem.OTHER);
        }
        if (c.getUse() != null) {
            try {
                cp.setUse(ContactPoint.ContactPointUse.fromCode(c.getUse()));
            } catch (Exception ignored) {
                // an unknown use is dropped rather than invented
            }
        }
        return cp;
    }

    public static List<ContactPoint> contactPoints(List<io.gpconnect.schemas.ContactPoint> in) {
        return in.stream().map(Resources::contactPoint).toList();
    }

    public static Address address(io.gpconnect.schemas.Address a) {
        return address(a, Address.AddressUse.WORK);
    }

    public static Address address(io.gpconnect.schemas.Address a, Address.AddressUse use) {
        if (a == null) {
            return null;
        }
        Address out = new Address().setUse(use).setType(Address.AddressType.PHYSICAL);
        a.getLines().forEach(out::addLine);
        out.setCity(a.getCity()).setDistrict(a.getDistrict()).setPostalCode(a.getPostalCode());
        return out;
    }
}
