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

# gzip, not dpkg-deb's default xz: the jar inside is compressed already, and xz takes minutes on it
export DPKG_DEB_COMPRESSOR_TYPE=gzip
"$jdk/bin/jpackage" --type deb --dest "$out" \
  --name shanzhi-cockpit --app-version "$version" \
  --description "善治 Cockpit: the command-center wall of a street-level governance center, with its event hub" \
  --vendor "善治 Cockpit" --copyright "GPL-3.0-or-later" --license-file "$here/../../../LICENSE" \
  --input "$input" --main-jar shanzhi-cockpit.jar --main-class org.shanzhi.cockpit.app.Main \
  --java-options -Dfile.encoding=UTF-8 \
  "${memory_options[@]}" \
  --add-modules "$modules" \
  --jlink-options "--strip-debug --no-man-pages --no-header-files --strip-native-commands" \
  --icon "$here/linux/shanzhi-cockpit.png" --resource-dir "$here/linux" \
  --linux-package-name shanzhi-cockpit --linux-deb-maintainer "shanzhi-cockpit@localhost" \
  --linux-shortcut --linux-menu-group "Office" --linux-app-category misc
rm -rf "$input"
ls -l "$out"/*.deb
