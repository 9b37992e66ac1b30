package org.spr.lammps;

/** The small tasks behind {@link LammpsEngine}'s convenience queries. */
final class Queries {

    private Queries() {
    }

    record Thermo(String keyword) implements EngineTask<Double> {
        @Override
        public Double run(Lammps lammps, RecordSink sink) {
            return lammps.thermo(keyword);
        }
    }

    record Variable(String name) implements EngineTask<Double> {
        @Override
        public Double run(Lammps lammps, RecordSink sink) {
            return lammps.variable(name);
        }
    }

    record Natoms() implements EngineTask<Long> {
        @Override
        public Long run(Lammps lammps, RecordSink sink) {
            return lammps.natoms();
        }
    }

    record Version() implements EngineTask<Integer> {
        @Override
        public Integer run(Lammps lammps, RecordSink sink) {
            return lammps.version();
        }
    }

    record Rank() implements EngineTask<Integer> {
        @Override
        public Integer run(Lammps lammps, RecordSink sink) {
            return lammps.rank();
        }
    }
}
