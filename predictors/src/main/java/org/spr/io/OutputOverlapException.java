package org.spr.io;

import java.nio.file.Path;
import org.spr.error.ExitCode;
import org.spr.error.SprException;

/** An output path that is one of the same command's inputs: writing it would destroy that input (a usage error). */
public final class OutputOverlapException extends SprException {

    private static final long serialVersionUID = 1L;

    public OutputOverlapException(String outputName, Path output, String inputName, Path input) {
        super(ExitCode.USAGE, outputName + " " + output + " is the input " + inputName + " " + input
                + ": an output may not overwrite an input, choose another name");
    }
}
