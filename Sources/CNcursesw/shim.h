#ifndef WIJKWEB_CNCURSESW_SHIM_H
#define WIJKWEB_CNCURSESW_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <langinfo.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/curses.h>

/// The standard screen, exposed as a function because Swift 6 rejects the global.
static inline WINDOW *ww_stdscr(void) { return stdscr; }
static inline int ww_lines(void) { return LINES; }
static inline int ww_cols(void) { return COLS; }
static inline attr_t ww_a_bold(void) { return A_BOLD; }
static inline attr_t ww_a_reverse(void) { return A_REVERSE; }
static inline attr_t ww_a_dim(void) { return A_DIM; }
static inline attr_t ww_a_underline(void) { return A_UNDERLINE; }
static inline attr_t ww_color_pair(int n) { return COLOR_PAIR(n); }
static inline int ww_key_code_yes(void) { return KEY_CODE_YES; }
static inline int ww_key_f(int n) { return KEY_F(n); }

/// Reads one wide character or function key; returns the get_wch status and stores the value.
static inline int ww_get_wch(wint_t *out) { return wget_wch(stdscr, out); }
static inline void ww_set_escdelay(int ms) { set_escdelay(ms); }
/// Starts curses without exiting on an unknown terminal (initscr would): 0 on success, -1 otherwise.
static inline int ww_start(void) {
  SCREEN *screen = newterm(NULL, stdout, stdin);
  if (screen == NULL) return -1;
  set_term(screen);
  return 0;
}
/// The character set of the current locale, e.g. "UTF-8".
static inline const char *ww_codeset(void) { return nl_langinfo(CODESET); }
#endif
