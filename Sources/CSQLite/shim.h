#ifndef TALON_CSQLITE_SHIM_H
#define TALON_CSQLITE_SHIM_H
/* SQLite 3 (Debian libsqlite3-dev): the journal's store, wrapped by TalonJournal only. */
#include <sqlite3.h>
#endif
