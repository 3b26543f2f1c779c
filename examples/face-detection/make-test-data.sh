#!/usr/bin/env bash
# Makes the face-detection test data in OUT_DIR from Debian packages only (nothing else is
# downloaded and nothing here is committed):
#   opencv-doc   sample media (Megamind.avi, vtest.avi, messi5.jpg, tree.avi): taken from the
#                installed package, or fetched with `apt-get download` and unpacked with dpkg-deb
#                (the package is 96 MB; its installed size with dependencies is far larger)
#   ffmpeg       converts them to MJPEG AVI (the only video codec OpenCV for Java reads without
#                FFmpeg) and to still frames
# usage: make-test-data.sh OUT_DIR
# Idempotent: a stamp holding this script's checksum makes a second run return at once.
#
# OUT_DIR/videos/megamind.avi     positive: animated dialogue, 270 frames 720x528, faces in most
#               /messi.avi        positive: 60 frames of a slow pan over a football photo (2 faces)
#               /vtest.avi        negative: 100 frames of pedestrians, faces too small to detect
#               /megamind-24.avi  positive: 24 frames, a face in each, for quick job tests
#        /frames/positive/*.jpg   stills with at least one detectable face
#        /frames/negative/*.jpg   stills without a face
#        /invalid/xvid.avi        an AVI the job must refuse: MPEG-4 (XVID), not MJPEG
set -euo pipefail

out="${1:?usage: make-test-data.sh OUT_DIR}"
stamp="$out/.complete"
recipe="$(sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$recipe" ]]; then
  exit 0
fi

fail() { echo "make-test-data.sh: $*" >&2; exit 1; }
command -v ffmpeg >/dev/null || fail "ffmpeg is missing: apt-get install --no-install-recommends ffmpeg"
command -v dpkg-deb >/dev/null || fail "dpkg-deb is missing (this recipe needs Debian)"

rm -rf "$out"
work="$out/.work"
mkdir -p "$work" "$out/videos" "$out/frames/positive" "$out/frames/negative" "$out/invalid"

# The sample media of opencv-doc, installed or unpacked from the .deb.
samples=/usr/share/doc/opencv-doc/examples/data
if [[ ! -f "$samples/Megamind.avi" ]]; then
  (cd "$work" && apt-get download -q opencv-doc >/dev/null 2>"$work/apt.log") ||
    fail "apt-get download opencv-doc failed (run apt-get update first?): $(tail -1 "$work/apt.log")"
  members=()
  for f in Megamind.avi vtest.avi tree.avi messi5.jpg; do
    members+=("./usr/share/doc/opencv-doc/examples/data/$f")
  done
  dpkg-deb --fsys-tarfile "$work"/opencv-doc_*.deb | tar -x -C "$work" "${members[@]}"
  rm -f "$work"/opencv-doc_*.deb
  samples="$work/usr/share/doc/opencv-doc/examples/data"
fi

ff() { ffmpeg -nostdin -v error -y "$@"; }
mjpeg=(-an -c:v mjpeg -q:v 5)

ff -i "$samples/Megamind.avi" "${mjpeg[@]}" "$out/videos/megamind.avi"
# frame 0 is black; frames 1-24 show a woman's face from the front
ff -i "$samples/Megamind.avi" -vf "trim=start_frame=1:end_frame=25,setpts=PTS-STARTPTS" \
  "${mjpeg[@]}" "$out/videos/megamind-24.avi"
ff -loop 1 -i "$samples/messi5.jpg" -frames:v 60 -r 10 \
  -vf "crop=480:300:x='min(68,n*68/59)':y='min(42,n*42/59)'" "${mjpeg[@]}" "$out/videos/messi.avi"
ff -i "$samples/vtest.avi" -frames:v 100 "${mjpeg[@]}" "$out/videos/vtest.avi"
ff -i "$samples/Megamind.avi" -frames:v 5 -an -c:v mpeg4 -vtag XVID "$out/invalid/xvid.avi"

cp "$samples/messi5.jpg" "$out/frames/positive/messi5.jpg"
# stills from the converted clip, amid frames where the cascade finds a face in every frame
for n in 45 140 230; do
  ff -i "$out/videos/megamind.avi" -vf "select=eq(n\\,$n)" -frames:v 1 -q:v 2 \
    "$out/frames/positive/megamind-$n.jpg"
done
for t in 2 40; do
  ff -ss "$t" -i "$samples/vtest.avi" -frames:v 1 -q:v 2 "$out/frames/negative/vtest-${t}s.jpg"
done
ff -ss 5 -i "$samples/tree.avi" -frames:v 1 -q:v 2 "$out/frames/negative/tree-5s.jpg"

rm -rf "$work"
echo "$recipe" >"$stamp"
