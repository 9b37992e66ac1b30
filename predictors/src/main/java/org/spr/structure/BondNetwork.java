package org.spr.structure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The bond graph of a structure: atoms i, j are bonded when their minimum-image distance is below a cutoff (for carbon
 * 1.85 Å, between the first neighbours at 1.4–1.5 Å and the second at ≥ 2.4 Å). Periodic along x and y (orthogonal
 * cell lx × ly); along z periodic only when {@code lz > 0} (monolayers in a vacuum box pass 0). Answers the
 * network questions the amorphous-carbon plausibility checks ask: coordination numbers and primitive rings.
 *
 * <p>Primitive rings (Franzblau's shortest-path rings, as in King's and Guttman's ring statistics): for every angle
 * j–i–k the shortest path from j to k that avoids i closes a ring through the angle; a ring is kept when it is
 * <em>primitive</em>, i.e. no two of its atoms are joined by a path in the graph shorter than their distance along
 * the ring. In a three-coordinated planar network the primitive rings are the faces (graphene: one hexagon per face,
 * two atoms per hexagon).
 */
public final class BondNetwork {

    private final int[][] neighbours;

    private BondNetwork(int[][] neighbours) {
        this.neighbours = neighbours;
    }

    /**
     * The bond graph by an O(N²) minimum-image search (fine for the few thousand atoms of a protocol cell).
     *
     * @param positions x0,y0,z0,x1,… (Å)
     * @param lx        periodic cell length along x
     * @param ly        periodic cell length along y
     * @param lz        periodic cell length along z, or 0 for no periodicity along z
     * @param cutoff    bond cutoff
     */
    public static BondNetwork of(double[] positions, double lx, double ly, double lz, double cutoff) {
        int n = positions.length / 3;
        List<List<Integer>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>(4));
        }
        double cut2 = cutoff * cutoff;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double dx = minimumImage(positions[3 * j] - positions[3 * i], lx);
                double dy = minimumImage(positions[3 * j + 1] - positions[3 * i + 1], ly);
                double dz = minimumImage(positions[3 * j + 2] - positions[3 * i + 2], lz);
                if (dx * dx + dy * dy + dz * dz < cut2) {
                    lists.get(i).add(j);
                    lists.get(j).add(i);
                }
            }
        }
        int[][] neighbours = new int[n][];
        for (int i = 0; i < n; i++) {
            neighbours[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return new BondNetwork(neighbours);
    }

    /** d − L·round(d/L) (d unchanged when L ≤ 0). */
    public static double minimumImage(double d, double length) {
        return length > 0 ? d - length * Math.rint(d / length) : d;
    }

    public int atoms() {
        return neighbours.length;
    }

    /** Neighbours of atom i (0-based; do not modify). */
    public int[] neighbours(int i) {
        return neighbours[i];
    }

    /** Number of bonds. */
    public int bondCount() {
        int sum = 0;
        for (int[] list : neighbours) {
            sum += list.length;
        }
        return sum / 2;
    }

    /** Bonds as pairs i &lt; j, flattened: i0, j0, i1, j1, … */
    public int[] bonds() {
        int[] bonds = new int[2 * bondCount()];
        int k = 0;
        for (int i = 0; i < neighbours.length; i++) {
            for (int j : neighbours[i]) {
                if (i < j) {
                    bonds[k++] = i;
                    bonds[k++] = j;
                }
            }
        }
        return bonds;
    }

    /** histogram[c] = atoms with c neighbours, c = 0…maxCoordination (higher counted in the last entry). */
    public int[] coordinationHistogram(int maxCoordination) {
        int[] histogram = new int[maxCoordination + 1];
        for (int[] list : neighbours) {
            histogram[Math.min(list.length, maxCoordination)]++;
        }
        return histogram;
    }

    /** Fraction of atoms with exactly c neighbours. */
    public double coordinationFraction(int c) {
        int count = 0;
        for (int[] list : neighbours) {
            if (list.length == c) {
                count++;
            }
        }
        return neighbours.length == 0 ? 0 : (double) count / neighbours.length;
    }

    /**
     * Primitive rings of up to {@code maxSize} atoms (see the class comment), each once, as arrays of atom indices in
     * ring order.
     */
    public List<int[]> primitiveRings(int maxSize) {
        Set<String> seen = new HashSet<>();
        List<int[]> rings = new ArrayList<>();
        int n = neighbours.length;
        int[] distance = new int[n];
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            int[] list = neighbours[i];
            for (int a = 0; a < list.length; a++) {
                for (int b = a + 1; b < list.length; b++) {
                    int[] path = shortestPath(list[a], list[b], i, maxSize - 2, distance, parent);
                    if (path == null) {
                        continue;
                    }
                    int[] ring = new int[path.length + 1];
                    ring[0] = i;
                    System.arraycopy(path, 0, ring, 1, path.length);
                    int[] key = ring.clone();
                    Arrays.sort(key);
                    if (seen.add(Arrays.toString(key)) && isPrimitive(ring, distance, parent)) {
                        rings.add(ring);
                    }
                }
            }
        }
        return rings;
    }

    /**
     * ringSizes[s] = primitive rings of s atoms for s ≤ maxSize (entries 0–2 stay 0).
     */
    public int[] ringSizeHistogram(int maxSize) {
        int[] histogram = new int[maxSize + 1];
        for (int[] ring : primitiveRings(maxSize)) {
            histogram[ring.length]++;
        }
        return histogram;
    }

    /**
     * Shortest path from {@code from} to {@code to} avoiding atom {@code excluded}, of at most {@code maxBonds}
     * bonds, as the atoms from → … → to; null when there is none.
     */
    private int[] shortestPath(int from, int to, int excluded, int maxBonds, int[] distance, int[] parent) {
        Arrays.fill(distance, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        distance[from] = 0;
        parent[from] = -1;
        queue.add(from);
        while (!queue.isEmpty()) {
            int atom = queue.poll();
            if (atom == to) {
                break;
            }
            if (distance[atom] >= maxBonds) {
                continue;
            }
            for (int next : neighbours[atom]) {
                if (next != excluded && distance[next] < 0) {
                    distance[next] = distance[atom] + 1;
                    parent[next] = atom;
                    queue.add(next);
                }
            }
        }
        if (distance[to] < 0) {
            return null;
        }
        int[] path = new int[distance[to] + 1];
        for (int atom = to, k = path.length - 1; atom >= 0; atom = parent[atom], k--) {
            path[k] = atom;
        }
        return path;
    }

    /** No two ring atoms closer in the graph than along the ring. */
    private boolean isPrimitive(int[] ring, int[] distance, int[] parent) {
        int size = ring.length;
        for (int a = 0; a < size; a++) {
            // graph distances from ring[a], up to half the ring
            bfs(ring[a], size / 2, distance);
            for (int b = a + 1; b < size; b++) {
                int along = Math.min(b - a, size - (b - a));
                int graph = distance[ring[b]];
                if (graph >= 0 && graph < along) {
                    return false;
                }
            }
        }
        return true;
    }

    private void bfs(int from, int maxBonds, int[] distance) {
        Arrays.fill(distance, -1);
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        distance[from] = 0;
        queue.add(from);
        while (!queue.isEmpty()) {
            int atom = queue.poll();
            if (distance[atom] >= maxBonds) {
                continue;
            }
            for (int next : neighbours[atom]) {
                if (distance[next] < 0) {
                    distance[next] = distance[atom] + 1;
                    queue.add(next);
                }
            }
        }
    }
}
