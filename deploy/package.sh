#!/usr/bin/env bash
# Builds self-contained Levity for Linux and a Debian package per architecture.
#
#   deploy/package.sh [--arch amd64|arm64]... [--version VERSION] [--out DIR]
#
# Without --arch both amd64 (linux-x64) and arm64 (linux-arm64: Raspberry Pi OS 64-bit) are
# built. Needs the .NET SDK and dpkg-deb. Writes DIR/levity_VERSION_ARCH.deb (default DIR:
# artifacts/deb). The version defaults to 0.1.0+<commits>.g<commit> of the git checkout.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
out="$repo/artifacts/deb"
base_version=0.1.0
version=""
archs=()

usage() { sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; }
fail() { echo "package.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --arch) [ $# -ge 2 ] || fail "--arch needs amd64 or arm64"; archs+=("$2"); shift 2 ;;
    --version) [ $# -ge 2 ] || fail "--version needs a value"; version="$2"; shift 2 ;;
    --out) [ $# -ge 2 ] || fail "--out needs a folder"; out="$2"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) fail "unknown option '$1' (see --help)" ;;
  esac
done
[ ${#archs[@]} -gt 0 ] || archs=(amd64 arm64)
command -v dotnet >/dev/null || fail "dotnet (the .NET SDK) not found"
command -v dpkg-deb >/dev/null || fail "dpkg-deb not found (Debian package dpkg)"

if [ -z "$version" ]; then
  version=$base_version
  if commit=$(git -C "$repo" rev-parse --short HEAD 2>/dev/null); then
    version="$base_version+$(git -C "$repo" rev-list --count HEAD).g$commit"
  fi
fi
[[ "$version" =~ ^[0-9][A-Za-z0-9.+~]*$ ]] || fail "'$version' is not a Debian version (digits first, then letters, digits, . + ~)"
# The assembly version: the leading numbers only (0.1.0 of 0.1.0+412.g9aaa8fd).
assembly_version=$(grep -Eo '^[0-9]+(\.[0-9]+){0,3}' <<<"$version")

work=$(mktemp -d "${TMPDIR:-/tmp}/levity-package.XXXXXX")
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

for arch in "${archs[@]}"; do
  case "$arch" in
    amd64) rid=linux-x64 ;;
    arm64) rid=linux-arm64 ;;
    *) fail "unknown --arch '$arch' (amd64 or arm64)" ;;
  esac

  echo "package.sh: publishing $rid" >&2
  publish="$work/publish-$rid"
  # Own artifacts folder: the checkout's bin/ and obj/ (and their restore state) stay untouched.
  dotnet publish "$repo/src/Levity.Silo/Levity.Silo.csproj" -c Release -r "$rid" --self-contained \
    -p:PublishSingleFile=true -p:DebugType=none -p:PublishDocumentationFiles=false \
    -p:Version="$assembly_version" -p:InformationalVersion="$version" -p:IncludeSourceRevisionInInformationalVersion=false \
    --artifacts-path "$work/build" -o "$publish" -nologo -v quiet >&2

  root="$work/root-$arch"
  install -d "$root/DEBIAN" "$root/usr/bin" "$root/usr/lib/levity" "$root/usr/lib/systemd/system" \
    "$root/etc/levity" "$root/usr/share/doc/levity"
  cp -a "$publish/." "$root/usr/lib/levity/"
  # The Web SDK's static-assets manifest: Levity serves no static files.
  rm -f "$root/usr/lib/levity/"*.staticwebassets.*
  chmod 0755 "$root/usr/lib/levity/levity"
  find "$root/usr/lib/levity" -type f ! -name levity -exec chmod 0644 {} +
  ln -s ../lib/levity/levity "$root/usr/bin/levity"
  install -m 0644 "$repo/deploy/debian/levity.service" "$root/usr/lib/systemd/system/levity.service"
  install -m 0640 "$repo/deploy/debian/levity.env" "$root/etc/levity/levity.env"
  install -m 0644 "$repo/LICENSE" "$root/usr/share/doc/levity/copyright"
  for doc in "$repo/README.md" "$repo"/docs/*.md; do
    if [ -f "$doc" ]; then install -m 0644 "$doc" "$root/usr/share/doc/levity/"; fi
  done
  for script in postinst prerm postrm; do
    install -m 0755 "$repo/deploy/debian/$script" "$root/DEBIAN/$script"
  done
  echo /etc/levity/levity.env >"$root/DEBIAN/conffiles"
  cat >"$root/DEBIAN/control" <<CONTROL
Package: levity
Version: $version
Architecture: $arch
Maintainer: Levity contributors
Section: net
Priority: optional
Installed-Size: $(du -sk --exclude=DEBIAN "$root" | cut -f1)
Depends: libc6, libgcc-s1, libstdc++6, libssl3 | libssl3t64, tzdata
Description: OCPP 1.6-J Central System for EV chargers
 Levity speaks OCPP 1.6-J with EV chargers over WebSockets, records every
 transaction and meter value in an embedded SQLite database, and serves
 Prometheus metrics, a Fluentd audit log of every frame and an operator API.
 This package runs it as the levity systemd service.
CONTROL

  deb="$out/levity_${version}_${arch}.deb"
  dpkg-deb --root-owner-group --build "$root" "$deb" >&2
  echo "$deb"
done
