"""Generates the reader fixtures in this folder (run once by hand: python3 make_fixtures.py).

One random 48-atom Si/C configuration in a triclinic cell (dyadic box numbers, so every format stores the same
doubles) written as a LAMMPS dump, data file, extended XYZ and POSCAR; plus variants (scaled/gzip dump, Direct
POSCAR, truncated and malformed dumps) and a PDFgetX3-style .gr file.
"""
import gzip
import math
import random

random.seed(7)
lx, ly, lz, xy, xz, yz = 10.0, 9.0, 11.0, 1.5, -1.25, 0.75
n = 48
species = ["Si"] * 24 + ["C"] * 24
frac = [(random.random(), random.random(), random.random()) for _ in range(n)]
cart = [(lx * a + xy * b + xz * c, ly * b + yz * c, lz * c) for a, b, c in frac]
r = repr


def dump_frame(out, step, columns, rows, order=None):
    out.write("ITEM: TIMESTEP\n%d\nITEM: NUMBER OF ATOMS\n%d\n" % (step, len(rows)))
    xlo_b = 0.0 + min(0.0, xy, xz, xy + xz)
    xhi_b = lx + max(0.0, xy, xz, xy + xz)
    ylo_b = 0.0 + min(0.0, yz)
    yhi_b = ly + max(0.0, yz)
    out.write("ITEM: BOX BOUNDS xy xz yz pp pp pp\n")
    out.write("%s %s %s\n%s %s %s\n%s %s %s\n" % (r(xlo_b), r(xhi_b), r(xy), r(ylo_b), r(yhi_b), r(xz), r(0.0), r(lz), r(yz)))
    out.write("ITEM: ATOMS " + " ".join(columns) + "\n")
    for row in rows:
        out.write(" ".join(row[c] for c in columns) + "\n")


def rows(shift=False, scaled=False):
    result = []
    for i in range(n):
        x, y, z = cart[i]
        if shift and i % 5 == 0:  # an image outside the box: x + a - c
            x, y, z = x + lx - xz, y - yz, z - lz
        row = {"id": str(i + 1), "type": "1" if species[i] == "Si" else "2", "element": species[i],
               "x": r(x), "y": r(y), "z": r(z), "xu": r(x), "yu": r(y), "zu": r(z)}
        a, b, c = frac[i]
        row.update({"xs": r(a), "ys": r(b), "zs": r(c)})
        result.append(row)
    return result


with open("sic.lammpstrj", "w") as out:
    dump_frame(out, 0, ["element", "z", "id", "x", "type", "y"], rows())
    dump_frame(out, 100, ["id", "type", "xu", "yu", "zu"], rows(shift=True))
with gzip.open("sic_scaled.lammpstrj.gz", "wt") as out:
    dump_frame(out, 0, ["id", "type", "xs", "ys", "zs"], rows(scaled=True))
with open("truncated.lammpstrj", "w") as out:
    dump_frame(out, 0, ["id", "type", "x", "y", "z"], rows())
    dump_frame(out, 10, ["id", "type", "x", "y", "z"], rows())
    text = []
    import io
    buffer = io.StringIO()
    dump_frame(buffer, 20, ["id", "type", "x", "y", "z"], rows())
    out.write(buffer.getvalue()[: len(buffer.getvalue()) * 2 // 3])
with open("malformed.lammpstrj", "w") as out:
    buffer = io.StringIO()
    dump_frame(buffer, 0, ["id", "type", "x", "y", "z"], rows())
    lines = buffer.getvalue().splitlines(True)
    lines[14] = lines[14].replace(lines[14].split()[3], "1.2.3", 1)  # line 15: atom 6
    out.write("".join(lines))
    dump_frame(out, 10, ["id", "type", "x", "y", "z"], rows())

with open("sic.data", "w") as out:
    out.write("random SiC (LAMMPS data file, charge style)\n\n%d atoms\n2 atom types\n\n" % n)
    out.write("%s %s xlo xhi\n%s %s ylo yhi\n%s %s zlo zhi\n%s %s %s xy xz yz\n\n" % (r(0.0), r(lx), r(0.0), r(ly), r(0.0), r(lz), r(xy), r(xz), r(yz)))
    out.write("Masses\n\n1 28.0855 # Si\n2 12.011 # C\n\nAtoms # charge\n\n")
    for i in range(n):
        x, y, z = cart[i]
        out.write("%d %d %s %s %s %s 0 0 0\n" % (i + 1, 1 if species[i] == "Si" else 2, "0.0", r(x), r(y), r(z)))
    out.write("\nVelocities\n\n")
    for i in range(n):
        out.write("%d 0 0 0\n" % (i + 1))

with open("sic.extxyz", "w") as out:
    out.write("%d\n" % n)
    out.write('Lattice="%s 0.0 0.0 %s %s 0.0 %s %s %s" Properties=species:S:1:pos:R:3:forces:R:3 pbc="T T T" energy=-1.5\n'
              % (r(lx), r(xy), r(ly), r(xz), r(yz), r(lz)))
    for i in range(n):
        x, y, z = cart[i]
        out.write("%s %s %s %s 0.1 0.2 0.3\n" % (species[i], r(x), r(y), r(z)))

def poscar(name, direct):
    with open(name, "w") as out:
        out.write("random SiC\n1.0\n")
        out.write("%s 0.0 0.0\n%s %s 0.0\n%s %s %s\n" % (r(lx), r(xy), r(ly), r(xz), r(yz), r(lz)))
        out.write("Si C\n24 24\n%s\n" % ("Direct" if direct else "Cartesian"))
        for i in range(n):
            values = frac[i] if direct else cart[i]
            out.write("%s %s %s\n" % tuple(r(v) for v in values))

poscar("POSCAR_sic", False)
poscar("sic_direct.vasp", True)

# a PDFgetX3-style file of a model G(r) = 4 pi rho0 r [g(r) - 1] with g(r) = 1 + exp(-r) sin(5 r), rho0 = 0.1
with open("sample.gr", "w") as out:
    out.write("[DEFAULT]\nversion = pdfgetx3-2.1.1\n\n[PDF]\nwavelength = 0.1\nqmax = 25\n\n#### start data\n#S 1\n#L r($\\AA$)  G($\\AA^{-2}$)\n")
    for k in range(1, 1001):
        rr = 0.01 * k
        out.write("%.6f %.9f\n" % (rr, 4 * math.pi * 0.1 * rr * math.exp(-rr) * math.sin(5 * rr)))
