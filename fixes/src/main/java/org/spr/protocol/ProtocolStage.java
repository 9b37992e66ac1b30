package org.spr.protocol;

import java.io.Serializable;

/**
 * Announces that a protocol starts a stage, with its MD step count (0 for steps without MD), emitted to the engine's
 * sink for progress reports.
 */
public record ProtocolStage(String name, int steps) implements Serializable {
}
