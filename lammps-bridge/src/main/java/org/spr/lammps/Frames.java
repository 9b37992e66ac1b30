package org.spr.lammps;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;

/**
 * Length-prefixed serialised messages between the engine host and its worker. Each message is serialised to bytes
 * first, so an object that cannot be serialised fails before anything is written and the stream stays intact.
 */
final class Frames {

    private Frames() {
    }

    static byte[] encode(Serializable message) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(message);
        }
        return bytes.toByteArray();
    }

    static void write(DataOutputStream out, byte[] frame) throws IOException {
        out.writeInt(frame.length);
        out.write(frame);
        out.flush();
    }

    static Object read(DataInputStream in) throws IOException, ClassNotFoundException {
        int length = in.readInt();
        byte[] frame = new byte[length];
        in.readFully(frame);
        // records of users' hooks (loaded with spr run --classpath) resolve through the thread's context class loader
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try (ObjectInputStream objects = context == null ? new ObjectInputStream(new ByteArrayInputStream(frame))
                : new ObjectInputStream(new ByteArrayInputStream(frame)) {
                    @Override
                    protected Class<?> resolveClass(java.io.ObjectStreamClass description)
                            throws IOException, ClassNotFoundException {
                        try {
                            return Class.forName(description.getName(), false, context);
                        } catch (ClassNotFoundException e) {
                            return super.resolveClass(description);
                        }
                    }
                }) {
            return objects.readObject();
        }
    }
}
