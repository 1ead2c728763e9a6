#ifndef TALON_CHARU_SHIM_H
#define TALON_CHARU_SHIM_H
#include <hpdf.h>
/* Internal libharu 2.3.0 declarations (not pulled in by hpdf.h), used to give encrypted
   files a deterministic /ID: see HaruDocument+Encryption.swift. */
#include <hpdf_encryptdict.h>
/* libdeflate (libdeflate-dev, installed by scripts/setup.sh): HaruPDF deflates the streams
   itself (see Deflater.swift). */
#include <libdeflate.h>
#endif
