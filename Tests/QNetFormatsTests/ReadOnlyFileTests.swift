import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import QNetFormats
import Testing

@Suite("Read-only files: told from the mode bits and the user, not from access(2)")
struct ReadOnlyFileTests {
    private let fileOwner: uid_t = 1000, fileGroup: gid_t = 100

    /// Whether a file of `mode`, owned by 1000:100, is read-only for `user` in `groups`.
    private func readOnly(_ mode: mode_t, user: uid_t, groups: Set<gid_t> = [200]) -> Bool {
        ReadOnlyFile.isReadOnly(mode: S_IFREG | mode, owner: fileOwner, group: fileGroup, user: user, groups: groups)
    }

    @Test("the owner reads the owner's bits, even where the group or others may write")
    func owner() {
        #expect(!readOnly(0o644, user: 1000))
        #expect(!readOnly(0o200, user: 1000))
        #expect(readOnly(0o444, user: 1000))
        #expect(readOnly(0o466, user: 1000, groups: [100]))
    }

    @Test("a member of the file's group (its effective or a supplementary group) reads the group's bits")
    func groupMember() {
        #expect(!readOnly(0o464, user: 2000, groups: [100]))
        #expect(!readOnly(0o464, user: 2000, groups: [5, 100]))
        #expect(readOnly(0o646, user: 2000, groups: [100]))
    }

    @Test("anyone else reads the others' bits")
    func others() {
        #expect(!readOnly(0o446, user: 2000))
        #expect(readOnly(0o664, user: 2000))
    }

    @Test("root (user 0), whom no mode stops, is kept off a file with no write bit at all")
    func root() {
        #expect(readOnly(0o444, user: 0))
        #expect(readOnly(0o555, user: 0))
        #expect(!readOnly(0o200, user: 0))
        #expect(!readOnly(0o020, user: 0))
        #expect(!readOnly(0o002, user: 0))
    }

    @Test("a real file is read-only after chmod 444 and not before; no file is not read-only")
    func realFile() throws {
        try withTemporaryFolder { folder in
            let file = folder.appendingPathComponent("net.qnet.yaml").path
            #expect(!ReadOnlyFile.isReadOnly(file))
            try "qnet: 1\n".write(toFile: file, atomically: false, encoding: .utf8)
            #expect(!ReadOnlyFile.isReadOnly(file))
            try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: file)
            #expect(ReadOnlyFile.isReadOnly(file))
            let link = folder.appendingPathComponent("link.qnet.yaml").path
            try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: file)
            #expect(ReadOnlyFile.isReadOnly(link))  // the file it names
        }
    }
}
