#!/bin/sh
# Regenerates the image fixtures (ImageMagick 6). Run from this folder; commit the results.
set -e
S="-size 13x11"
P="-strip"
convert $S gradient:white-black /tmp/g.miff
convert $S gradient:'#ff0000'-'#0000ff' \( $S gradient:'#00ff00'-'#ffff00' -rotate 90 -resize 13x11! \) -compose blend -define compose:args=50 -composite /tmp/c.miff
convert /tmp/c.miff \( $S gradient:white-'#222' -rotate 90 -resize 13x11! \) -alpha off -compose copy_opacity -composite /tmp/ca.miff
for d in 1 2 4 8 16; do convert /tmp/g.miff $P -define png:color-type=0 -define png:bit-depth=$d -quality 95 gray$d.png; done
convert /tmp/c.miff $P -define png:color-type=2 -define png:bit-depth=8 -quality 91 rgb8.png
convert /tmp/c.miff $P -define png:color-type=2 -define png:bit-depth=16 -quality 92 rgb16.png
convert /tmp/c.miff $P -define png:color-type=2 -define png:bit-depth=8 -quality 00 rgb8-stored.png
convert /tmp/c.miff $P -define png:color-type=2 -define png:bit-depth=8 -quality 93 -define png:compression-strategy=4 rgb8-fixed.png
convert /tmp/c.miff $P -define png:color-type=2 -define png:bit-depth=8 -quality 94 -interlace PNG rgb8-adam7.png
convert /tmp/g.miff $P -define png:color-type=0 -define png:bit-depth=1 -interlace PNG gray1-adam7.png
convert /tmp/ca.miff $P -define png:color-type=6 -define png:bit-depth=16 -interlace PNG rgba16-adam7.png
convert /tmp/ca.miff $P -define png:color-type=6 -define png:bit-depth=8 -quality 94 rgba8.png
convert /tmp/ca.miff $P -define png:color-type=6 -define png:bit-depth=16 rgba16.png
convert /tmp/ca.miff $P -colorspace gray -define png:color-type=4 -define png:bit-depth=8 graya8.png
convert /tmp/ca.miff $P -colorspace gray -define png:color-type=4 -define png:bit-depth=16 graya16.png
convert $S xc:'#c04020' -fill '#2050e0' -draw "rectangle 3,2 9,8" $P -define png:color-type=3 -define png:bit-depth=1 indexed1.png
convert $S xc:'#c04020' -fill '#2050e0' -draw "rectangle 3,2 9,8" -fill '#30a030' -draw "rectangle 0,0 2,10" $P -define png:color-type=3 -define png:bit-depth=2 indexed2.png
convert /tmp/c.miff +dither -colors 16 $P -define png:color-type=3 -define png:bit-depth=4 indexed4.png
convert /tmp/c.miff +dither -colors 200 $P -define png:color-type=3 -define png:bit-depth=8 indexed8.png
convert /tmp/c.miff +dither -colors 16 $P -define png:color-type=3 -define png:bit-depth=4 -interlace PNG indexed4-adam7.png
convert /tmp/ca.miff +dither -colors 12 $P PNG8:indexed-trns.png
convert /tmp/g.miff +dither -colors 5 $P -define png:color-type=3 -define png:bit-depth=8 indexed-gray.png
convert $S xc:'#808080' -fill '#204060' -draw "rectangle 3,2 9,8" -transparent '#204060' $P -define png:color-type=2 -define png:bit-depth=8 rgb8-trns.png
convert $S xc:'#808080' -fill '#303030' -draw "rectangle 3,2 9,8" -transparent '#303030' $P -define png:color-type=0 -define png:bit-depth=8 gray8-trns.png
convert /tmp/c.miff $P -quality 92 rgb-baseline.jpg
convert /tmp/g.miff $P -colorspace gray -quality 92 gray-baseline.jpg
convert /tmp/c.miff $P -quality 92 -interlace JPEG rgb-progressive.jpg
# Interlaced images smaller than an Adam7 block: some passes are empty.
convert -size 1x1 xc:'#336699' $P -define png:color-type=2 -define png:bit-depth=8 -interlace PNG tiny1x1-adam7.png
convert -size 3x2 gradient:white-black $P -define png:color-type=0 -define png:bit-depth=4 -interlace PNG tiny3x2-adam7.png
convert -size 6x5 gradient:'#ff0000'-'#0000ff' $P -define png:color-type=2 -define png:bit-depth=16 -interlace PNG tiny6x5-adam7.png
