#ifndef TALON_CNETTLE_SHIM_H
#define TALON_CNETTLE_SHIM_H
/* Nettle (Debian nettle-dev): SHA-256 for content addresses and document hashes,
   wrapped by TalonJournal only (see SHA256.swift). Its short names (sha256_init)
   are macros Swift cannot see: Swift calls the nettle_-prefixed functions. */
#include <nettle/sha2.h>
#endif
