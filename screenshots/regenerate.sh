#!/usr/bin/env bash
# Regenerates screenshots/*.png: starts the desktop app on a virtual X display (Xvfb) and lets it drive itself
# through scripted scenes (default dataset mid-training, clean vs random labels, presentation mode, every lesson
# preset, a noise and a width sweep, the whole window at 1280×720), writing a snapshot of the window's scene for each. Takes about 15 minutes.
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
# The 2-D decision panel and the timeline (composed from the panels until the window shows them):
# decision-2d.png (spirals, unit norm off) and timeline.png (clean vs 30% random labels, scrubbed back).
DISPLAY="$display" java -Xmx1g -cp "$here/app/target/jacobian-lens.jar" org.jacobianlens.app.panelshots.PanelShots \
  "$here/screenshots" 1280 720 2>/dev/null | grep '^wrote'
