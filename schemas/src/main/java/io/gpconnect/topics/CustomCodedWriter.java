package io.gpconnect.topics;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecordBase;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * Writes one of our generated records with its own {@code customEncode} (see schemas/src/main/avro-templates)
 * instead of Avro's generic, field-by-field writer, which was most of the cost of every event and state-store
 * value: a third of the decision thread and a quarter of the views' in JFR under load.
 * <p>
 * The record is encoded through a buffered encoder into a per-thread buffer and handed to the caller's encoder
 * as one block. Apicurio's serializer gives us an unbuffered encoder over a {@code ByteArrayOutputStream},
 * whose every one-byte write is a synchronised call that may grow the array (a twelfth of both threads).
 */
final class CustomCodedWriter<T> implements DatumWriter<T> {
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
    /** For encoders other than binary ones (Apicurio's JSON encoding), which must be driven field by field. */
    private final DatumWriter<T> avros;

    CustomCodedWriter(Schema schema) {
        this.avros = new SpecificDatumWriter<>(schema);
    }

    @Override
    public void setSchema(Schema schema) {
        // The record's own schema is the only one it writes.
    }

    @Override
    public void write(T datum, Encoder out) throws IOException {
        if (!(out instanceof BinaryEncoder)) {
            avros.write(datum, out);
            return;
        }
        Scratch scratch = SCRATCH.get();
        scratch.bytes.reset();
        try {
            ((SpecificRecordBase) datum).customEncode(scratch.encoder);
            scratch.encoder.flush();
        } catch (IOException | RuntimeException e) {
            // The encoder may still hold part of this record, which its next flush would put before the next one.
            SCRATCH.remove();
            throw e;
        }
        out.writeFixed(scratch.bytes.array, 0, scratch.bytes.size);
    }

    private static final class Scratch {
        final Bytes bytes = new Bytes();
        final BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
    }

    /** A growable byte buffer without ByteArrayOutputStream's locking and copying out. */
    private static final class Bytes extends OutputStream {
        byte[] array = new byte[4096];
        int size;

        void reset() {
            size = 0;
        }

        @Override
        public void write(int b) {
            ensure(1);
            array[size++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            ensure(len);
            System.arraycopy(b, off, array, size, len);
            size += len;
        }

        private void ensure(int more) {
            if (size + more > array.length) {
                array = Arrays.copyOf(array, Math.max(array.length * 2, size + more));
            }
        }
    }
}
