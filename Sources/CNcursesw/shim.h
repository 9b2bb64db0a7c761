#ifndef DUIZHAO_CNCURSESW_SHIM_H
#define DUIZHAO_CNCURSESW_SHIM_H
/* Wide-character ncurses: NCURSES_WIDECHAR must be set before the header. */
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif
#include <locale.h>
#include <wchar.h>
#include <ncurses.h>
#include <langinfo.h>
#endif
