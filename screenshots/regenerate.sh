#!/usr/bin/env bash
# Regenerates screenshots/*.png: starts the desktop app on a virtual X display (Xvfb) and lets it drive itself
# through scripted scenes (default dataset mid-training, clean vs random labels, presentation mode, every lesson
# preset, a noise and a width sweep, the whole window at 1280×720, spirals with the decision map, the timeline
# scrubbed back in compare mode), writing a snapshot of the window's scene for each. Takes about 5 minutes.
# Needs: apt-get install -y xvfb libgtk-3-0; the launcher builds the jar if needed.
# Arguments: --scenes=NAME,NAME regenerates only those pictures (e.g. --scenes=sweep-noise,lesson-low-rank-layers).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1920x1080x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill "$xvfb" 2>/dev/null || true' EXIT
sleep 1
# the launcher passes the JVM flags of lens.jvm.args, defined once in the root pom
DISPLAY="$display" "$here/jacobian-lens" gui --screenshots="$here/screenshots" "$@" 2>/dev/null \
  | grep '^wrote'
