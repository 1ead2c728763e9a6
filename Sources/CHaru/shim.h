#ifndef TALON_CHARU_SHIM_H
#define TALON_CHARU_SHIM_H
#include <hpdf.h>
/* libdeflate (libdeflate-dev, installed by scripts/setup.sh): HaruPDF deflates the streams
   itself (see Deflater.swift). */
#include <libdeflate.h>
#endif
