#!/usr/bin/env bash
# Regenerates screenshots/*.png: starts the desktop app on a virtual X display (Xvfb) and lets it drive itself
# through scripted scenes (default dataset mid-training, clean vs random labels, presentation mode, every lesson
# preset, a noise and a width sweep), writing a snapshot of the window's scene for each. Takes about 15 minutes.
# Needs: apt-get install -y xvfb libgtk-3-0, and a built jar (mvn install -DskipTests).
# Arguments: --scenes=NAME,NAME regenerates only those pictures (e.g. --scenes=sweep-noise,lesson-low-rank-layers).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/app/target/jacobian-lens.jar"
[ -f "$jar" ] || (cd "$here" && mvn -B -q -ntp install -DskipTests)
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
sleep 1
DISPLAY="$display" OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE java -Xmx3g -Dorg.bytedeco.javacpp.maxbytes=4G \
  -Dorg.bytedeco.javacpp.maxphysicalbytes=9G -jar "$jar" gui --screenshots="$here/screenshots" "$@" 2>/dev/null \
  | grep '^wrote'
