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
#include <string.h>
#include <strings.h>

/*
 * Small wrappers for ncurses macros and attribute constants that Swift cannot import directly.
 * They are static inline, so they cost nothing and keep no state.
 */

/* Attributes. */
static inline attr_t duizhao_attr_normal(void) { return A_NORMAL; }
static inline attr_t duizhao_attr_bold(void) { return A_BOLD; }
static inline attr_t duizhao_attr_reverse(void) { return A_REVERSE; }
static inline attr_t duizhao_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t duizhao_attr_dim(void) { return A_DIM; }

/* Globals that Swift 6 would treat as unprotected shared mutable state. */
static inline WINDOW *duizhao_standard_screen(void) { return stdscr; }
static inline WINDOW *duizhao_current_screen(void) { return curscr; }
static inline int duizhao_color_count(void) { return COLORS; }
static inline int duizhao_color_pair_count(void) { return COLOR_PAIRS; }

/* The size of a window (getmaxyx is a macro). */
static inline int duizhao_window_rows(WINDOW *window) { return getmaxy(window); }
static inline int duizhao_window_columns(WINDOW *window) { return getmaxx(window); }

/* Builds a complex character from a NUL-terminated wide string (one spacing character plus combining marks). */
static inline int duizhao_set_cell(cchar_t *cell, const wchar_t *characters, attr_t attributes, short pair) {
    return setcchar(cell, characters, attributes, pair, NULL);
}

/* Fills a complex character with one spacing character directly (what setcchar does for a single
   character, without its validation): the reader's cells are already checked for width and controls. */
static inline void duizhao_fill_cell(cchar_t *cell, wchar_t character, attr_t attributes, short pair) {
    memset(cell, 0, sizeof(*cell));
    cell->attr = (attributes & ~A_COLOR) | (attr_t)COLOR_PAIR(pair < 256 ? pair : 255);
    cell->chars[0] = character;
#if NCURSES_EXT_COLORS
    cell->ext_color = pair;
#endif
}

/* Draws one complex character at an explicit position of a window. */
static inline int duizhao_put_cell(WINDOW *window, int row, int column, const cchar_t *cell) {
    return mvwadd_wch(window, row, column, cell);
}

/* Mouse masks and button tests (macros built from NCURSES_MOUSE_MASK). */
static inline mmask_t duizhao_mouse_mask_wheel_and_clicks(void) {
    mmask_t mask = BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED;
#ifdef BUTTON5_PRESSED
    mask |= BUTTON5_PRESSED;
#endif
    return mask;
}
static inline int duizhao_mouse_is_wheel_up(mmask_t state) { return (state & BUTTON4_PRESSED) != 0; }
static inline int duizhao_mouse_is_wheel_down(mmask_t state) {
#ifdef BUTTON5_PRESSED
    return (state & BUTTON5_PRESSED) != 0;
#else
    return 0;
#endif
}
static inline int duizhao_mouse_is_click(mmask_t state) {
    return (state & (BUTTON1_PRESSED | BUTTON1_CLICKED)) != 0;
}

/* Columns a character takes in the current locale (-1: not printable). Declared here because glibc hides
   wcwidth unless _XOPEN_SOURCE is set before <wchar.h>, which the package cannot pass as a flag. */
extern int wcwidth(wchar_t character);
static inline int duizhao_character_width(wchar_t character) { return wcwidth(character); }

/* Lowers the scheduling priority of the calling thread only (Linux: nice applies per thread), so long
   background work yields to the thread that draws and reads keys. Returns 0 on success. */
#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
static inline int duizhao_lower_thread_priority(int increment) {
    return setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), increment);
}
#else
static inline int duizhao_lower_thread_priority(int increment) { (void)increment; return -1; }
#endif

/* True when the current LC_CTYPE codeset is UTF-8. */
static inline int duizhao_codeset_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcasecmp(codeset, "UTF-8") == 0 || strcasecmp(codeset, "utf8") == 0);
}

#endif
