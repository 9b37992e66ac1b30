package org.spr.cli;

import org.spr.dataset.Dataset;

/** Says on stderr what reading a dataset passed over, so that nothing is dropped without a word. */
final class DatasetWarnings {

    private DatasetWarnings() {
    }

    /** Reports a torn last line (a writer killed mid-row), ignored by {@link Dataset#read}, and rows left out by --skip-bad-rows. */
    static void report(String command, Dataset dataset) {
        if (!dataset.skippedRows().isEmpty()) {
            System.err.println("spr " + command + ": left out " + dataset.skippedRows().size() + " row(s) with bad values (--skip-bad-rows), "
                    + "the first: " + org.spr.io.Printable.message(dataset.skippedRows().get(0)));
        }
        if (dataset.droppedTornLine()) {
            System.err.println("spr " + command + ": warning: the last line of " + dataset.source()
                    + " is incomplete (its writer was stopped mid-row) and was ignored; rerun spr generate to remake that row");
        }
    }
}
