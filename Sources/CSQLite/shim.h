// The system SQLite (`libsqlite3-dev` on Debian and Ubuntu, `sqlite` in Homebrew), for DuizhaoStore's one
// wrapper file (`SQLite.swift`).
#include <sqlite3.h>
