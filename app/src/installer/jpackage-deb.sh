#!/usr/bin/env bash
# Builds the Debian package of the program with the JDK's jpackage (the installer profile of app/pom.xml calls it
# in the package phase, after the shaded jar is written):
#   jpackage-deb.sh TARGET_DIR VERSION "JVM FLAGS"
# writes TARGET_DIR/installer/jacobian-lens_<version>-1_amd64.deb with a bundled Java runtime, the icon beside this
# script and a desktop entry (started without arguments, the installed program opens the window: `gui`).
# Needs jpackage (JDK 17+), fakeroot and dpkg-deb.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="$1"; version="$2"; jvm_args="$3"
for tool in jpackage fakeroot dpkg-deb; do
  command -v "$tool" >/dev/null || { echo "jpackage-deb: $tool is missing (apt-get install fakeroot dpkg-dev, JDK 17+)" >&2; exit 1; }
done
# jpackage requires a plain dotted number for --app-version: 0.1.0-SNAPSHOT -> 0.1.0
app_version="${version%%-*}"
input="$target/installer-input"
out="$target/installer"
rm -rf "$input" "$out"
mkdir -p "$input" "$out"
cp "$target/jacobian-lens.jar" "$input/"
java_options=()
for flag in $jvm_args; do java_options+=(--java-options "$flag"); done
# jpackage calls dpkg-deb with its default xz -6, which took 15 of the 16 minutes of this build on 2 cores; gzip -1
# (dpkg >= 1.21.10 reads these) makes a package about a third larger in well under a minute. Override from outside.
export DPKG_DEB_COMPRESSOR_TYPE="${DPKG_DEB_COMPRESSOR_TYPE:-gzip}" DPKG_DEB_COMPRESSOR_LEVEL="${DPKG_DEB_COMPRESSOR_LEVEL:-1}"
jpackage --type deb --dest "$out" --input "$input" \
  --name jacobian-lens --app-version "$app_version" \
  --main-jar jacobian-lens.jar --main-class org.jacobianlens.app.Main --arguments gui \
  "${java_options[@]}" \
  --description "Live pictures of the Jacobian / NTK spectrum of a training network" \
  --vendor "Jacobian Lens" --copyright "Apache-2.0" --license-file "$here/../../../LICENSE" \
  --icon "$here/jacobian-lens.png" \
  --linux-package-name jacobian-lens --linux-deb-maintainer "jacobian-lens@localhost" \
  --linux-app-release 1 --linux-menu-group "Education;Science" --linux-app-category science --linux-shortcut
deb="$(ls "$out"/*.deb)"
echo "jpackage-deb: wrote $deb ($(du -h "$deb" | cut -f1))"
