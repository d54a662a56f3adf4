import Foundation

/// What a file held, in brief: its size and a 64-bit FNV-1a hash of its bytes. The workbench
/// keeps the fingerprint of its file as last read or written, and saves over the file only
/// while it still matches (another program may have changed the file since).
///
/// FNV-1a (Fowler, Noll, Vo; IETF draft-eastlake-fnv) is not a cryptographic hash: it tells an
/// edit from no edit, not a forgery from the original, which is all a save needs.
public struct FileFingerprint: Sendable, Hashable {
    /// The file's length in bytes.
    public var size: Int
    /// The FNV-1a hash of the file's bytes.
    public var hash: UInt64

    /// The fingerprint of `data`.
    /// - Complexity: O(bytes)
    public init(of data: Data) {
        size = data.count
        hash = data.withUnsafeBytes { bytes in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // the 64-bit offset basis
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }  // the 64-bit FNV prime
            return hash
        }
    }

    /// A fingerprint as recorded.
    public init(size: Int, hash: UInt64) {
        self.size = size
        self.hash = hash
    }
}
