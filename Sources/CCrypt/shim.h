#ifndef TALON_CCRYPT_SHIM_H
#define TALON_CCRYPT_SHIM_H
/* Nettle (nettle-dev) for HMAC-SHA256 form tokens and SHA-256, and the system's libcrypt
   (libcrypt-dev) for password hashing; wrapped by Sources/TalonServer/Crypto*.swift only. */
#include <nettle/hmac.h>
#include <nettle/sha2.h>
#include <nettle/memops.h>
#include <crypt.h>
#endif
