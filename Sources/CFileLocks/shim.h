// Open-file-description locks (Linux 3.15+), which Swift's Glibc module does not expose: F_OFD_SETLK and
// F_OFD_GETLK are declared only under _GNU_SOURCE. Only AutosaveClaim (QNetTUI) imports this.
//
// Like flock(2) locks, these belong to an open file (not to a process): two opens of one file exclude each other
// even in the same process, and the kernel lets go when the file is closed, however the process ends (kill -9 too).
// Unlike flock(2), one can ask whether a lock is held without taking it (F_OFD_GETLK), so that asking never makes
// a workbench opening the file at that instant think that another holds it. See fcntl(2), "Open file description locks".
#ifndef QNETPLAN_CFILELOCKS_SHIM_H
#define QNETPLAN_CFILELOCKS_SHIM_H

#define _GNU_SOURCE 1
#include <fcntl.h>

#ifndef F_OFD_GETLK
#error "qnetplan's autosave claim needs open-file-description locks (F_OFD_SETLK, F_OFD_GETLK: Linux 3.15 or later)"
#endif

/// Takes the exclusive lock on the whole of `fd`'s file without waiting: 0, or -1 with errno EAGAIN or EACCES when
/// another open file holds it.
static inline int qnet_lock_take(int fd) {
    struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
    return fcntl(fd, F_OFD_SETLK, &lock);
}

/// Whether another open file holds a lock on `fd`'s file, asked without taking it: 1 held, 0 free, -1 when
/// the kernel cannot tell (errno says why).
static inline int qnet_lock_is_held(int fd) {
    struct flock lock = { .l_type = F_WRLCK, .l_whence = SEEK_SET, .l_start = 0, .l_len = 0 };
    if (fcntl(fd, F_OFD_GETLK, &lock) != 0) return -1;
    return lock.l_type != F_UNLCK;
}

#endif
