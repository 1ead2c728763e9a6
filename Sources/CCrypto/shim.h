#ifndef TALON_CCRYPTO_SHIM_H
#define TALON_CCRYPTO_SHIM_H
/* OpenSSL's libcrypto (libssl-dev, installed by scripts/setup.sh), the project's one
   cryptography library (libcurl links it for TLS anyway): SHA-2 and AES for the PDF 2.0
   standard security handler (Sources/HaruPDF/Crypto.swift), SHA-256 for the journal's
   hashes (Sources/TalonJournal/SHA256.swift), HMAC-SHA256 and constant-time comparison
   for the server's tokens (Sources/TalonServer/Crypto.swift). */
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>
#endif
