#ifndef TALON_CDEFLATE_SHIM_H
#define TALON_CDEFLATE_SHIM_H
/* libdeflate (libdeflate-dev, installed by scripts/setup.sh): the one deflate library of
   Talon. Layout inflates PNG image data with it (Images/PNGFile+ImageData.swift); HaruPDF
   deflates its streams (Deflater.swift) and inflates attached files (AttachedDataReader.swift). */
#include <libdeflate.h>
#endif
