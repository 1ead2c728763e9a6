#ifndef TALON_CSQLITE_SHIM_H
#define TALON_CSQLITE_SHIM_H
/* SQLite 3 (libsqlite3-dev, installed by scripts/setup.sh): the journal file behind
   `talon serve`; wrapped by Sources/TalonServer/SQLite.swift only. */
#include <sqlite3.h>
/* SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift cannot import. */
static inline void talon_sqlite_bind_blob(sqlite3_stmt *statement, int index, const void *bytes, int count)
{
    sqlite3_bind_blob(statement, index, bytes, count, SQLITE_TRANSIENT);
}
static inline void talon_sqlite_bind_text(sqlite3_stmt *statement, int index, const char *text)
{
    sqlite3_bind_text(statement, index, text, -1, SQLITE_TRANSIENT);
}
#endif
