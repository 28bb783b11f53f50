#!/usr/bin/env bash
# The Debian package of the wall PC and the hub server, from the runnable jar: jpackage with a
# jlink'd runtime (the jar carries JavaFX), the desktop entry (善治和义 · 集中指挥驾驶舱) and the
# shanzhi-hub systemd unit. Run by `./mvnw -B package -Pinstaller -DskipTests` after the jar is built;
# needs fakeroot and dpkg-dev (apt-get install fakeroot dpkg-dev).
# usage: deb.sh JDK TARGET_DIR VERSION  →  TARGET_DIR/installer/shanzhi-cockpit_VERSION-1_amd64.deb
set -euo pipefail
jdk=$1 target=$2 version=${3%-SNAPSHOT}
here=$(cd "$(dirname "$0")" && pwd)
out=$target/installer
input=$out/input
rm -rf "$out"
mkdir -p "$input"
# what lands in /opt/shanzhi-cockpit/lib/app: the jar, and what postinst installs from there
cp "$target/shanzhi-cockpit.jar" "$here/linux/shanzhi-hub.service" "$here/linux/shanzhi.properties" "$input/"

# the JDK modules the jar needs (`jdeps --ignore-missing-deps --multi-release 17 --print-module-deps`
# on it), plus those reached only by service lookup: Chinese dates and numbers (jdk.localedata),
# TLS to PostgreSQL (jdk.crypto.ec), other charsets, zip file systems
modules=java.base,java.compiler,java.instrument,java.naming,java.net.http,java.rmi,java.scripting
modules+=,java.security.jgss,java.sql,jdk.jfr,jdk.jsobject,jdk.management,jdk.net,jdk.unsupported
modules+=,jdk.unsupported.desktop,jdk.xml.dom
modules+=,jdk.localedata,jdk.crypto.ec,jdk.charsets,jdk.zipfs

# memory: a heap cap sized on the wall's live set with the month behind the day (145–245 MB after a full GC); without
# it G1 grows the heap towards a quarter of the RAM and keeps it (docs/BENCHMARKS.md "The wall's resident memory")
memory_options=(--java-options -Xmx320m)

# class-data sharing (AppCDS): the classes a wall loads up to its first lived picture, listed by a training run (the
# first-frame bench's child under xvfb-run: an embedded hub on a new journal and the laptop layout, to 13:00 of the
# scenario day). postinst archives them with the installed runtime and jar; the launcher maps that archive at every start
# (the -XX:SharedArchiveFile option below) instead of reading and checking the classes again. Without xvfb-run here,
# or if the archive is missing or refused, the wall starts as before, silently.
if command -v xvfb-run >/dev/null; then
  training=$(mktemp -d)
  timeout 600 xvfb-run -a -s "-screen 0 1920x1080x24" "$jdk/bin/java" -XX:DumpLoadedClassList="$input/classes.lst" \
    -cp "$target/shanzhi-cockpit.jar" org.shanzhi.cockpit.bench.WallFirstFrame --display --data "$training" >/dev/null 2>&1 \
    || echo "the class-data training run failed: the package starts without a class-data archive" >&2
  rm -rf "$training"
else
  echo "no xvfb-run: the package starts without a class-data archive (apt-get install xvfb)" >&2
fi

# gzip, not dpkg-deb's default xz: the jar inside is compressed already, and xz takes minutes on it
export DPKG_DEB_COMPRESSOR_TYPE=gzip
"$jdk/bin/jpackage" --type deb --dest "$out" \
  --name shanzhi-cockpit --app-version "$version" \
  --description "善治 Cockpit: the command-center wall of a street-level governance center, with its event hub" \
  --vendor "善治 Cockpit" --copyright "GPL-3.0-or-later" --license-file "$here/../../../LICENSE" \
  --input "$input" --main-jar shanzhi-cockpit.jar --main-class org.shanzhi.cockpit.app.Main \
  --java-options -Dfile.encoding=UTF-8 \
  "${memory_options[@]}" \
  --java-options '-XX:SharedArchiveFile=$APPDIR/shanzhi-cockpit.jsa' --java-options -Xlog:cds=off \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands" \
  --icon "$here/linux/shanzhi-cockpit.png" --resource-dir "$here/linux" \
  --linux-package-name shanzhi-cockpit --linux-deb-maintainer "shanzhi-cockpit@localhost" \
  --linux-shortcut --linux-menu-group "Office" --linux-app-category misc
rm -rf "$input"
ls -l "$out"/*.deb
