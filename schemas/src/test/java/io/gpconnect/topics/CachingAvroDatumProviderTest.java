package io.gpconnect.topics;

import io.gpconnect.schemas.slot.SlotState;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CachingAvroDatumProviderTest {

    @Test
    void oneReaderPerDistinctSchemaWhateverInstanceBringsIt() {
        CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
        Schema slot = SlotState.getClassSchema();
        // What the registry client hands over after each check period: the same schema, parsed again.
        Schema reparsed = new Schema.Parser().parse(slot.toString());
        assertThat(reparsed).isNotSameAs(slot).isEqualTo(slot);

        DatumReader<Object> first = provider.createDatumReader(slot);
        assertThat(provider.createDatumReader(slot)).isSameAs(first);
        assertThat(provider.createDatumReader(reparsed)).isSameAs(first);
        assertThat(provider.createDatumReader(slot)).isSameAs(first);
    }

    @Test
    void anotherSchemaGetsItsOwnReader() {
        CachingAvroDatumProvider<Object> provider = new CachingAvroDatumProvider<>();
        Schema slot = SlotState.getClassSchema();
        Schema other = Schema.createRecord("Other", null, "io.gpconnect.test", false,
                List.of(new Schema.Field("id", Schema.create(Schema.Type.STRING))));

        DatumReader<Object> slotReader = provider.createDatumReader(slot);
        DatumReader<Object> otherReader = provider.createDatumReader(other);

        assertThat(otherReader).isNotSameAs(slotReader);
        assertThat(provider.createDatumReader(slot)).isSameAs(slotReader);
        assertThat(provider.createDatumReader(other)).isSameAs(otherReader);
    }
}
