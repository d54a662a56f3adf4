#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells a file its user made read-only (`chmod 444`), which a save must not replace unasked: a save renames a new
/// file over the old one, which the old one's mode does not stop, and root passes `access(2)` whatever the mode.
public enum ReadOnlyFile {
    /// Whether there is a file at `path` (through a symbolic link, the file it names) whose permission bits give this
    /// process's effective user no write permission: the owner's bits when the user owns it, else the group's when
    /// the user is in its group, else the others'; for root (effective user id 0), no write bit at all. False when
    /// there is no file, or it cannot be looked at (the save then says why).
    public static func isReadOnly(_ path: String) -> Bool {
        var status = stat()
        guard stat(path, &status) == 0 else { return false }
        return isReadOnly(mode: status.st_mode, owner: status.st_uid, group: status.st_gid,
                          user: geteuid(), groups: userGroups())
    }

    /// Whether a file of permission bits `mode`, owned by `owner` and `group`, gives `user`, in `groups`, no write
    /// permission, as `isReadOnly(_:)` decides it.
    static func isReadOnly(mode: mode_t, owner: uid_t, group: gid_t, user: uid_t, groups: Set<gid_t>) -> Bool {
        let writeBits: mode_t
        if user == 0 {
            writeBits = S_IWUSR | S_IWGRP | S_IWOTH
        } else if user == owner {
            writeBits = S_IWUSR
        } else if groups.contains(group) {
            writeBits = S_IWGRP
        } else {
            writeBits = S_IWOTH
        }
        return mode & writeBits == 0
    }

    /// The effective group and the supplementary groups of this process, as the kernel checks a file's group bits.
    private static func userGroups() -> Set<gid_t> {
        let count = getgroups(0, nil)
        var groups = [gid_t](repeating: 0, count: Int(max(count, 0)))
        let found = count > 0 ? getgroups(count, &groups) : 0
        return Set(groups.prefix(Int(max(found, 0)))).union([getegid()])
    }
}
