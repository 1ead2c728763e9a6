#ifndef TALON_CCRYPT_SHIM_H
#define TALON_CCRYPT_SHIM_H
/* The system's libcrypt (libcrypt-dev) for yescrypt password hashing; wrapped by
   Sources/TalonServer/Crypto+Password.swift only. */
#include <crypt.h>
#endif
