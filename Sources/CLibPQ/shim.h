#ifndef TALON_CLIBPQ_SHIM_H
#define TALON_CLIBPQ_SHIM_H
/* libpq (Debian libpq-dev): the PostgreSQL journal's client, wrapped by TalonJournal only. */
#include <postgresql/libpq-fe.h>
#endif
