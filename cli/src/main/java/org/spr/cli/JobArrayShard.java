package org.spr.cli;

import java.util.Map;

/**
 * The shard {@code i/N} of a dataset a batch-scheduler job-array element makes when {@code spr generate} is given no
 * {@code --shard}: shard i of N does structures i, i + N, …, so the N elements together make the whole dataset
 * once, and {@code spr generate --merge} joins their files into the serial dataset.
 *
 * <ul>
 *   <li>Slurm ({@code sbatch --array=A-B[:S]}): i = (SLURM_ARRAY_TASK_ID − SLURM_ARRAY_TASK_MIN) / SLURM_ARRAY_TASK_STEP,
 *       N = SLURM_ARRAY_TASK_COUNT.</li>
 *   <li>PBS Pro ({@code qsub -J A-B}: PBS_ARRAY_INDEX) and Torque ({@code qsub -t A-B}: PBS_ARRAYID): i = index −
 *       SPR_SHARD_FIRST (default 0), N = SPR_SHARD_COUNT, which the job script sets (PBS gives no count).</li>
 *   <li>LSF ({@code bsub -J "name[A-B]"}: LSB_JOBINDEX): i = index − SPR_SHARD_FIRST (default 1: LSF indices start
 *       at 1), N = SPR_SHARD_COUNT.</li>
 * </ul>
 *
 * @param index  i, 0 ≤ i &lt; N
 * @param count  N
 * @param source where it came from, for the log line (e.g. "SLURM_ARRAY_TASK_ID=3 of SLURM_ARRAY_TASK_COUNT=10")
 */
record JobArrayShard(int index, int count, String source) {

    /** The count variable PBS and LSF job scripts set. */
    static final String COUNT_VARIABLE = "SPR_SHARD_COUNT";
    /** The index of the first array element, when it is not the scheduler's usual first index. */
    static final String FIRST_VARIABLE = "SPR_SHARD_FIRST";

    /**
     * The shard of this job-array element, or null when no job-array variable is set (a plain run: shard 0/1).
     *
     * @throws IllegalArgumentException (one sentence naming the variable) for a malformed value, a missing count, or
     *                                  an index outside 0..N−1
     */
    static JobArrayShard fromEnvironment(Map<String, String> environment) {
        String slurm = environment.get("SLURM_ARRAY_TASK_ID");
        if (slurm != null) {
            int id = number(environment, "SLURM_ARRAY_TASK_ID", null);
            int count = number(environment, "SLURM_ARRAY_TASK_COUNT", "Slurm sets it for every array job");
            int min = environment.containsKey("SLURM_ARRAY_TASK_MIN") ? number(environment, "SLURM_ARRAY_TASK_MIN", null) : 0;
            int step = environment.containsKey("SLURM_ARRAY_TASK_STEP") ? number(environment, "SLURM_ARRAY_TASK_STEP", null) : 1;
            if (step < 1 || (id - min) % step != 0) {
                throw new IllegalArgumentException("SLURM_ARRAY_TASK_ID=" + id + " is not on the array's grid (first "
                        + min + ", step " + step + "); give --shard i/N explicitly");
            }
            return checked((id - min) / step, count, "SLURM_ARRAY_TASK_ID=" + id + " of SLURM_ARRAY_TASK_COUNT=" + count);
        }
        for (String[] scheduler : new String[][]{{"PBS_ARRAY_INDEX", "0"}, {"PBS_ARRAYID", "0"}, {"LSB_JOBINDEX", "1"}}) {
            String name = scheduler[0];
            if (!environment.containsKey(name) || (name.equals("LSB_JOBINDEX") && "0".equals(environment.get(name).strip()))) {
                continue; // LSF sets LSB_JOBINDEX=0 for a job that is not an array
            }
            int id = number(environment, name, null);
            int count = number(environment, COUNT_VARIABLE, "set it to the number of array elements in the job script");
            int first = environment.containsKey(FIRST_VARIABLE) ? number(environment, FIRST_VARIABLE, null)
                    : Integer.parseInt(scheduler[1]);
            return checked(id - first, count, name + "=" + id + " of " + COUNT_VARIABLE + "=" + count
                    + (first != 0 ? " (first index " + first + ")" : ""));
        }
        return null;
    }

    private static JobArrayShard checked(int index, int count, String source) {
        if (count < 1) {
            throw new IllegalArgumentException("the job-array count must be at least 1, got " + source);
        }
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("the job-array element gives shard " + index + " of " + count + " (" + source
                    + "), outside 0.." + (count - 1) + "; set " + FIRST_VARIABLE + " to the first array index or give --shard i/N");
        }
        return new JobArrayShard(index, count, source);
    }

    private static int number(Map<String, String> environment, String name, String hint) {
        String value = environment.get(name);
        if (value == null) {
            throw new IllegalArgumentException(name + " is not set" + (hint == null ? "" : "; " + hint));
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + "=" + value + " is not a whole number");
        }
    }

    /** i/N, as --shard takes it. */
    String text() {
        return index + "/" + count;
    }
}
