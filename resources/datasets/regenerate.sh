#!/usr/bin/env bash
# Rebuilds the bundled data sets of Jacobian Lens from Debian packages, byte-identically.
#   fashion-mnist/: class-balanced subset of Fashion-MNIST (package dataset-fashion-mnist)
#   digits/digits.csv.gz: verbatim copy of scikit-learn's digits file (package python3-sklearn)
# Uses bash and the Python 3 standard library only. Run from any directory:
#   resources/datasets/regenerate.sh
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
fashion_src="${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}"
digits_src="${DIGITS_CSV:-/usr/lib/python3/dist-packages/sklearn/datasets/data/digits.csv.gz}"

for f in train-images-idx3-ubyte.gz train-labels-idx1-ubyte.gz t10k-images-idx3-ubyte.gz t10k-labels-idx1-ubyte.gz; do
  if [[ ! -f "$fashion_src/$f" ]]; then
    echo "missing $fashion_src/$f (install the Debian package dataset-fashion-mnist)" >&2
    exit 1
  fi
done
if [[ ! -f "$digits_src" ]]; then
  echo "missing $digits_src (install the Debian package python3-sklearn)" >&2
  exit 1
fi

mkdir -p "$here/fashion-mnist" "$here/digits"
cp "$digits_src" "$here/digits/digits.csv.gz"

/usr/bin/python3 - "$fashion_src" "$here/fashion-mnist" <<'PY'
import gzip
import struct
import sys

src, dst = sys.argv[1], sys.argv[2]
PER_CLASS = {"train": 500, "t10k": 100}


def read(path, magic):
    with gzip.open(path, "rb") as f:
        data = f.read()
    if struct.unpack(">I", data[:4])[0] != magic:
        sys.exit(f"{path}: unexpected magic number")
    return data


def write_gz(path, payload):
    # mtime=0 and no file name in the header: identical bytes on every run
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as f:
            f.write(payload)


for split, per_class in PER_CLASS.items():
    images = read(f"{src}/{split}-images-idx3-ubyte.gz", 0x803)
    labels = read(f"{src}/{split}-labels-idx1-ubyte.gz", 0x801)
    n, rows, cols = struct.unpack(">III", images[4:16])
    size = rows * cols
    # Selection rule: the first `per_class` images of each class, in file order.
    taken = {c: 0 for c in range(10)}
    chosen = []
    for i in range(n):
        c = labels[8 + i]
        if taken[c] < per_class:
            taken[c] += 1
            chosen.append(i)
    if any(v != per_class for v in taken.values()):
        sys.exit(f"{split}: not enough images per class: {taken}")
    img = bytearray(struct.pack(">IIII", 0x803, len(chosen), rows, cols))
    lab = bytearray(struct.pack(">II", 0x801, len(chosen)))
    for i in chosen:
        img += images[16 + i * size:16 + (i + 1) * size]
        lab.append(labels[8 + i])
    write_gz(f"{dst}/{split}-images-idx3-ubyte.gz", bytes(img))
    write_gz(f"{dst}/{split}-labels-idx1-ubyte.gz", bytes(lab))
    print(f"{split}: {len(chosen)} images ({per_class} per class)")
PY
