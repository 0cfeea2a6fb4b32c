#!/usr/bin/env bash
# Regenerates screenshots/*.png: starts the desktop app on a virtual X display (Xvfb), lets it train on the
# bundled default dataset, and captures the screen with ImageMagick's import.
# Needs: apt-get install -y xvfb imagemagick libgtk-3-0, and a built jar (mvn install -DskipTests).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="$here/app/target/jacobian-lens.jar"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1600x760x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$app" "$xvfb" 2>/dev/null || true' EXIT
sleep 1
DISPLAY="$display" OMP_NUM_THREADS=1 java -Xmx4g -Dorg.bytedeco.javacpp.maxbytes=6G -jar "$jar" >/dev/null 2>&1 &
app=$!
sleep "${SHOT_DELAY:-40}"   # the app trains from start-up; wait until it is mid-training
DISPLAY="$display" import -window root "$here/screenshots/main-window.png"
echo "wrote $here/screenshots/main-window.png"
