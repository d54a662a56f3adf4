// The C side of the ncurses backend: macros and globals that Swift cannot
// import, wrapped as static inline functions. Only QNetCurses imports this.
#ifndef QNETPLAN_CNCURSES_SHIM_H
#define QNETPLAN_CNCURSES_SHIM_H

#define _DEFAULT_SOURCE 1
#define _XOPEN_SOURCE 600
#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <ncursesw/curses.h>

// Globals (Swift 6 rejects mutable C globals).
static inline WINDOW *nc_stdscr(void) { return stdscr; }
static inline FILE *nc_stdin(void) { return stdin; }
static inline FILE *nc_stdout(void) { return stdout; }
static inline int nc_colors(void) { return COLORS; }
static inline int nc_color_pairs(void) { return COLOR_PAIRS; }

// Attributes.
static inline attr_t nc_a_normal(void) { return A_NORMAL; }
static inline attr_t nc_a_bold(void) { return A_BOLD; }
static inline attr_t nc_a_reverse(void) { return A_REVERSE; }
static inline attr_t nc_a_underline(void) { return A_UNDERLINE; }
static inline attr_t nc_a_dim(void) { return A_DIM; }

// Keys.
static inline int nc_key_f(int n) { return KEY_F(n); }
static inline int nc_key_code_yes(void) { return KEY_CODE_YES; }
static inline int nc_key_mouse(void) { return KEY_MOUSE; }
static inline int nc_key_resize(void) { return KEY_RESIZE; }
static inline int nc_key_up(void) { return KEY_UP; }
static inline int nc_key_down(void) { return KEY_DOWN; }
static inline int nc_key_left(void) { return KEY_LEFT; }
static inline int nc_key_right(void) { return KEY_RIGHT; }
static inline int nc_key_home(void) { return KEY_HOME; }
static inline int nc_key_end(void) { return KEY_END; }
static inline int nc_key_ppage(void) { return KEY_PPAGE; }
static inline int nc_key_npage(void) { return KEY_NPAGE; }
static inline int nc_key_dc(void) { return KEY_DC; }
static inline int nc_key_btab(void) { return KEY_BTAB; }
static inline int nc_key_backspace(void) { return KEY_BACKSPACE; }
static inline int nc_key_enter(void) { return KEY_ENTER; }
static inline int nc_key_sleft(void) { return KEY_SLEFT; }
static inline int nc_key_sright(void) { return KEY_SRIGHT; }
static inline int nc_key_sup(void) { return KEY_SR; }    // xterm sends Shift+Up as "scroll reverse"
static inline int nc_key_sdown(void) { return KEY_SF; }  // and Shift+Down as "scroll forward"

// Mouse masks.
static inline mmask_t nc_all_mouse_events(void) { return ALL_MOUSE_EVENTS; }
static inline mmask_t nc_report_mouse_position(void) { return REPORT_MOUSE_POSITION; }
static inline mmask_t nc_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t nc_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t nc_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t nc_button4_pressed(void) { return BUTTON4_PRESSED; }
#ifdef BUTTON5_PRESSED
static inline mmask_t nc_button5_pressed(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t nc_button5_pressed(void) { return 0; }
#endif

// The terminal's interrupt character, c_cc[VINTR] (Swift imports c_cc as a tuple), and the value that turns a control
// character off (_POSIX_VDISABLE, which Swift does not import).
static inline cc_t nc_interrupt_character(const struct termios *attributes) { return attributes->c_cc[VINTR]; }
static inline void nc_set_interrupt_character(struct termios *attributes, cc_t character) {
    attributes->c_cc[VINTR] = character;
}
static inline cc_t nc_disabled_character(void) { return _POSIX_VDISABLE; }

// Whether the locale's codeset is UTF-8 (call after setlocale).
static inline int nc_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

#endif
