#ifndef TALON_CHARU_SHIM_H
#define TALON_CHARU_SHIM_H
#include <hpdf.h>
#include <hpdf_utils.h>
#endif
