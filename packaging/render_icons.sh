#!/usr/bin/env bash
# Renders the application icon resources/icons/app/fleetdeck.svg into the committed raster icons:
#   packaging/linux/icons/hicolor/<N>x<N>/apps/org.fleetdeck.Fleetdeck.png  (N = 16 … 512)
#   packaging/windows/fleetdeck.ico  (16, 24, 32, 48, 64, 128, 256)
#   packaging/macos/fleetdeck.icns   (128, 256, 512, 1024 as PNG entries)
# Run it after changing the SVG and commit the results: the build does not need ImageMagick.
# Needs ImageMagick's convert and python3. The SVG uses plain shapes only, which ImageMagick's
# internal renderer draws correctly; check the 16 px and 256 px results by eye.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SVG="$ROOT/resources/icons/app/fleetdeck.svg"
APP_ID=org.fleetdeck.Fleetdeck
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# One large rendering, scaled down per size: sharper small sizes than rendering each at its density.
convert -background none -density 288 "$SVG" -resize 1024x1024 -depth 8 "$TMP/1024.png"
render() { # size output
  convert "$TMP/1024.png" -filter Lanczos -resize "$1x$1" -depth 8 -strip \
    -define png:exclude-chunks=date,time "$2"
}
for n in 16 22 24 32 48 64 128 256 512; do
  dir="$ROOT/packaging/linux/icons/hicolor/${n}x${n}/apps"
  mkdir -p "$dir"
  render "$n" "$dir/$APP_ID.png"
  render "$n" "$TMP/$n.png"
done
render 1024 "$TMP/1024s.png"

convert "$TMP/16.png" "$TMP/24.png" "$TMP/32.png" "$TMP/48.png" "$TMP/64.png" "$TMP/128.png" "$TMP/256.png" \
  "$ROOT/packaging/windows/fleetdeck.ico"

# ICNS: "icns", total length, then entries (type, length with its 8-byte header, PNG data).
python3 - "$ROOT/packaging/macos/fleetdeck.icns" "$TMP" <<'PY'
import struct, sys
out, tmp = sys.argv[1], sys.argv[2]
entries = b""
for kind, png in ((b"ic07", "128.png"), (b"ic08", "256.png"), (b"ic09", "512.png"), (b"ic10", "1024s.png")):
    data = open(f"{tmp}/{png}", "rb").read()
    entries += kind + struct.pack(">I", len(data) + 8) + data
open(out, "wb").write(b"icns" + struct.pack(">I", len(entries) + 8) + entries)
PY
echo "rendered icons from $SVG"
