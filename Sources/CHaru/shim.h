#ifndef TALON_CHARU_SHIM_H
#define TALON_CHARU_SHIM_H
#include <hpdf.h>
#include <hpdf_encryptdict.h> /* internal: deterministic /ID for encrypted files */
#include <sys/syscall.h>
#include <unistd.h>

/* memfd_create(2) is declared by glibc only under _GNU_SOURCE, which Swift's Glibc module
   does not define, and syscall(2) is variadic (not callable from Swift). HaruPDF uses an
   anonymous memory file to hand a font subset to HPDF_LoadTTFontFromFile without a temp file. */
static inline int talon_memfd_create(const char *name) {
    return (int)syscall(SYS_memfd_create, name, 1u /* MFD_CLOEXEC */);
}
#endif
