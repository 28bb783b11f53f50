#!/usr/bin/env bash
# The Debian package as a center's IT person uses it: installed with dpkg -i, its launcher's --help, a
# headless snapshot, the hub started as its service would start it (its user, its data directory) until
# /api/v1/health answers, then removed again. Run as root after `./mvnw -B verify -Pinstaller`.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls app/target/installer/shanzhi-cockpit_*.deb)
work=$(mktemp -d)
chmod 755 "$work"
# what the package depends on, from Debian, as `apt-get install ./the.deb` would fetch it
apt-get install -y -q --no-install-recommends $(dpkg-deb -f "$deb" Depends | tr ',' ' ') >/dev/null
dpkg -i "$deb" >/dev/null

launcher=/usr/bin/shanzhi-cockpit
test -x /opt/shanzhi-cockpit/bin/shanzhi-cockpit
"$launcher" --help | grep -q "snapshot"
"$launcher" hub --help | grep -q -- "--data"
grep -q "^Name=善治和义 · 集中指挥驾驶舱" /usr/share/applications/shanzhi-cockpit.desktop
systemd-analyze verify /lib/systemd/system/shanzhi-hub.service
getent passwd shanzhi >/dev/null
test "$(stat -c %U /var/lib/shanzhi-cockpit)" = shanzhi
grep -q "^#host=0.0.0.0" /var/lib/shanzhi-cockpit/shanzhi.properties   # the hub's config file, all comments
# class-data sharing: postinst archived the classes the package's training run listed, and the launcher maps them
# (-Xshare:on refuses to start when the archive cannot be used)
if [ -r /opt/shanzhi-cockpit/lib/app/classes.lst ]; then
  test -s /opt/shanzhi-cockpit/lib/app/shanzhi-cockpit.jsa
  JAVA_TOOL_OPTIONS=-Xshare:on "$launcher" --help >/dev/null
else
  echo "installer: the package has no class list (its build had no xvfb-run)" >&2
fi

# the wall's picture with the package's own runtime, no display
(cd "$work" && "$launcher" snapshot --layout laptop --out "$work/laptop.png")
test "$(head -c 8 "$work/laptop.png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a

# the unit's command line, as the unit's user, on a free port (the hub says which)
(cd /var/lib/shanzhi-cockpit && exec runuser -u shanzhi -- /opt/shanzhi-cockpit/bin/shanzhi-cockpit hub \
  --data /var/lib/shanzhi-cockpit --port 0 >"$work/hub.out" 2>&1) &
hub=$!
url=
for _ in $(seq 240); do
  url=$(sed -n 's/^善治 Cockpit hub listening on \(http[^ ]*\)$/\1/p' "$work/hub.out")
  if [ -n "$url" ] && curl -sf "$url/api/v1/health" >/dev/null; then break; fi
  sleep 0.5
done
curl -sf "$url/api/v1/health" || { cat "$work/hub.out"; kill "$hub"; exit 1; }
echo
kill "$hub"; wait "$hub" || true
test -s /var/lib/shanzhi-cockpit/logs/hub.log

dpkg -r shanzhi-cockpit >/dev/null
test ! -e /lib/systemd/system/shanzhi-hub.service
test ! -e /opt/shanzhi-cockpit && test ! -e /usr/share/applications/shanzhi-cockpit.desktop
rm -rf "$work"
echo "installer: dpkg -i, --help, class-data archive, snapshot, hub as its service, dpkg -r: ok"
