// The C side of the ncurses backend: macros and globals that Swift cannot
// import, wrapped as static inline functions. Only QNetCurses imports this.
#ifndef QNETPLAN_CNCURSES_SHIM_H
#define QNETPLAN_CNCURSES_SHIM_H

#define _DEFAULT_SOURCE 1
#define _XOPEN_SOURCE 600
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <wchar.h>
#include <ncursesw/curses.h>

#endif
