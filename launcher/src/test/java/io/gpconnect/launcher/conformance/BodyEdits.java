package io.gpconnect.launcher.conformance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hl7.fhir.dstu3.model.Appointment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Turns a valid Appointment into the JSON body of a test case: by editing the model, or, for what the model
 * cannot hold (an unknown element, a different resourceType), by editing the JSON.
 */
@FunctionalInterface
interface BodyEdits {
    ObjectMapper JSON = new ObjectMapper();

    String apply(Appointment valid);

    static BodyEdits model(Consumer<Appointment> edit) {
        return valid -> {
            Appointment copy = valid.copy();
            edit.accept(copy);
            return Fhir.json(copy);
        };
    }

    /** A reference written into the JSON: HAPI's encoder will not write an absolute one with a '#'. */
    static BodyEdits reference(String jsonPointerToReference, String value) {
        return json(j -> ((ObjectNode) j.at(jsonPointerToReference)).put("reference", value));
    }

    static BodyEdits json(Consumer<ObjectNode> edit) {
        return valid -> {
            try {
                ObjectNode node = (ObjectNode) JSON.readTree(Fhir.json(valid));
                edit.accept(node);
                return node.toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
