#!/usr/bin/env bash
# Draws the program icon (jacobian-lens.png, 256x256, committed beside this script) with ImageMagick: a lens
# (a ring on a dark disc) over a falling eigenvalue spectrum, the picture the program is about. Re-run after a change:
#   app/src/installer/make-icon.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bars=""
# eight spectrum bars, heights falling like 1/k (the decaying NTK eigenvalues)
for k in 1 2 3 4 5 6 7 8; do
  x0=$((40 + (k - 1) * 22)); x1=$((x0 + 14)); h=$((150 / k)); y0=$((210 - h))
  bars="$bars rectangle $x0,$y0 $x1,210"
done
convert -size 256x256 xc:none \
  -fill '#1d2b4a' -draw 'roundrectangle 8,8 248,248 36,36' \
  -fill '#f2b134' -draw "$bars" \
  -fill none -stroke '#7fd1ff' -strokewidth 12 -draw 'circle 150,100 150,40' \
  -stroke '#7fd1ff' -strokewidth 16 -draw 'line 106,146 60,196' \
  -strip "PNG32:$here/jacobian-lens.png"
echo "wrote $here/jacobian-lens.png"
