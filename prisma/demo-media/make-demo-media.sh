#!/usr/bin/env bash
# Regenerates the demo media in this folder. Run once by a developer (needs espeak-ng, ffmpeg with
# libvpx/libopus/libfreetype, python3 and the DejaVu fonts: apt-get install -y espeak-ng ffmpeg fonts-dejavu-core).
# The outputs are committed, so a user's machine never needs these tools.
set -euo pipefail
cd "$(dirname "$0")"
F=/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf
FB=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
FM=/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf
ff() { timeout 120 ffmpeg -hide_banner -loglevel error -nostdin -y "$@"; }

# Audio: a TA's question, spoken by espeak-ng, silence trimmed, as WAV (16 kHz mono) and OGG/Opus.
espeak-ng -v en-us -s 170 -w /tmp/glow-ta.wav "So what happens when n reaches zero?"
ff -i /tmp/glow-ta.wav -af "silenceremove=start_periods=1:start_threshold=-50dB,areverse,silenceremove=start_periods=1:start_threshold=-50dB,areverse,apad=pad_dur=0.2" \
  -ac 1 -ar 16000 -sample_fmt s16 ta-base-case-question.wav
ff -i ta-base-case-question.wav -c:a libopus -b:a 24k ta-base-case-question.ogg

# Image: a call-stack diagram for factorial(3), drawn with ffmpeg's drawbox/drawtext, 32-colour palette.
VF="drawtext=fontfile=$FB:text='Call stack for factorial(3)':x=20:y=14:fontsize=18:fontcolor=0x1f2937"
y=52; i=0
for lbl in "factorial(3)" "factorial(2)" "factorial(1)" "factorial(0)"; do
  x=$((40 + i * 50))
  VF="$VF,drawbox=x=$x:y=$y:w=150:h=34:color=0x2563eb@1:t=2,drawbox=x=$((x + 2)):y=$((y + 2)):w=146:h=30:color=0xdbeafe@1:t=fill"
  VF="$VF,drawtext=fontfile=$FM:text='$lbl':x=$((x + 14)):y=$((y + 9)):fontsize=15:fontcolor=0x1e3a8a"
  if [ $i -lt 3 ]; then
    VF="$VF,drawbox=x=$((x + 24)):y=$((y + 34)):w=2:h=36:color=0x6b7280@1:t=fill,drawbox=x=$((x + 24)):y=$((y + 68)):w=26:h=2:color=0x6b7280@1:t=fill"
  fi
  i=$((i + 1)); y=$((y + 52))
done
i=0; y=52
for ret in "returns 3 * 2 = 6" "returns 2 * 1 = 2" "returns 1 * 1 = 1" "base case - returns 1"; do
  col=0x047857; [ $i -eq 3 ] && col=0xb91c1c
  VF="$VF,drawtext=fontfile=$F:text='$ret':x=$((210 + i * 50)):y=$((y + 9)):fontsize=14:fontcolor=$col"
  i=$((i + 1)); y=$((y + 52))
done
VF="$VF,drawtext=fontfile=$F:text='calls go down, return values come back up':x=20:y=262:fontsize=12:fontcolor=0x6b7280"
ff -f lavfi -i "color=c=white:s=560x284:d=0.04" -frames:v 1 \
  -filter_complex "[0:v]$VF,split[a][b];[a]palettegen=max_colors=32:reserve_transparent=0[p];[b][p]paletteuse=dither=none" \
  -update 1 recursion-call-stack.png

# Video: the diagram with a highlight walking down the stack, with the spoken question; VP8 + Opus WebM.
HL=""
for k in 0 1 2 3; do
  t0=$(echo "$k * 0.6" | bc); t1=$(echo "($k + 1) * 0.6" | bc)
  [ $k -eq 3 ] && t1=99
  HL="$HL,drawbox=x=$((38 + k * 50)):y=$((50 + k * 52)):w=154:h=38:color=0xf59e0b@1:t=4:enable='between(t,$t0,$t1)'"
done
ff -loop 1 -framerate 12 -t 2.4 -i recursion-call-stack.png -i ta-base-case-question.wav \
  -filter_complex "[0:v]format=yuv420p$HL[v]" -map "[v]" -map 1:a \
  -c:v libvpx -b:v 150k -crf 30 -auto-alt-ref 0 -c:a libopus -b:a 24k -t 2.4 -shortest tracing-recursion.webm

# PDF: a one-page rubric written object by object (standard Helvetica, no embedded fonts).
python3 make-rubric-pdf.py

# office-hours-transcript.txt and cs101-gradebook-excerpt.csv are hand-written text.
ls -l
