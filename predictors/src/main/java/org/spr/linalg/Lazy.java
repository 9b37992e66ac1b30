package org.spr.linalg;

import java.util.function.Supplier;

/**
 * A value chosen on first use, once per JVM, thread-safely (double-checked locking); a choice that throws is tried again
 * on the next use. For the native-or-EJML backends, which load a library and log what they chose.
 */
final class Lazy<T> {

    private final Supplier<T> choice;
    private volatile T value;

    Lazy(Supplier<T> choice) {
        this.choice = choice;
    }

    T get() {
        T chosen = value;
        if (chosen == null) {
            synchronized (this) {
                chosen = value;
                if (chosen == null) {
                    chosen = choice.get();
                    value = chosen;
                }
            }
        }
        return chosen;
    }
}
