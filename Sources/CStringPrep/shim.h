#ifndef TALON_CSTRINGPREP_SHIM_H
#define TALON_CSTRINGPREP_SHIM_H
/* GNU libidn's stringprep (libidn-dev, installed by scripts/setup.sh): the SASLprep profile
   (RFC 4013) that PDF 2.0 applies to passwords, used by HaruPDF only. */
#include <stringprep.h>
#endif
