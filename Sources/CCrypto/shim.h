#ifndef TALON_CCRYPTO_SHIM_H
#define TALON_CCRYPTO_SHIM_H
/* OpenSSL's libcrypto (libssl-dev, installed by scripts/setup.sh): SHA-2 and AES for the
   PDF 2.0 standard security handler (revision 6), used by HaruPDF only. */
#include <openssl/evp.h>
#include <openssl/sha.h>
#endif
