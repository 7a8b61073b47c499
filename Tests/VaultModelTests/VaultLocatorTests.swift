import Foundation
import Testing
import VaultModel

/// Finding the vault as git finds a repository: the nearest marked folder from a start folder upward.
@Suite("vault discovery")
struct VaultLocatorTests {
    /// A temporary tree: `outer/` (marked by `.vaultgen.yml`) holding `inner/` (marked by `.obsidian/`) holding
    /// `Notes/Deep/`, and `plain/` beside them with no mark.
    final class Tree {
        let base: URL
        init() throws {
            base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("locator-\(UUID().uuidString)")
            let fm = FileManager.default
            for folder in ["outer/inner/.obsidian", "outer/inner/Notes/Deep", "outer/Other", "plain/Sub"] {
                try fm.createDirectory(at: base.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            try Data().write(to: base.appendingPathComponent("outer/.vaultgen.yml"))
        }
        func url(_ path: String) -> URL { base.appendingPathComponent(path) }
        func real(_ path: String) -> String { VaultLocator.realFolder(url(path)) }
        deinit { try? FileManager.default.removeItem(at: base) }
    }

    @Test func theNearestMarkedFolderAtOrAboveTheStart() throws {
        let tree = try Tree()
        #expect(VaultLocator.root(from: tree.url("outer/inner/Notes/Deep"))?.path == tree.real("outer/inner"))
        #expect(VaultLocator.root(from: tree.url("outer/inner"))?.path == tree.real("outer/inner"))
        #expect(VaultLocator.root(from: tree.url("outer/Other"))?.path == tree.real("outer"))
        #expect(VaultLocator.root(from: tree.url("outer"))?.path == tree.real("outer"))
    }

    @Test func noMarkAnywhereAboveIsNoVault() throws {
        let tree = try Tree()
        #expect(VaultLocator.root(from: tree.url("plain/Sub")) == nil)
        #expect(VaultLocator.root(from: tree.url("plain")) == nil)
    }

    @Test func aMarkOfTheWrongKindDoesNotCount() throws {
        let tree = try Tree()
        // `.obsidian` must be a folder, `.vaultgen.yml` a file.
        try Data().write(to: tree.url("plain/.obsidian"))
        try FileManager.default.createDirectory(
            at: tree.url("plain/Sub/.vaultgen.yml"), withIntermediateDirectories: true)
        #expect(VaultLocator.root(from: tree.url("plain/Sub")) == nil)
    }

    @Test func aStartThatDoesNotExistIsSearchedFromItsParents() throws {
        let tree = try Tree()
        #expect(VaultLocator.root(from: tree.url("outer/inner/Missing/Folder"))?.path == tree.real("outer/inner"))
    }

    @Test func theRefusalSaysWhatWasLookedForAndHowToMarkAVault() {
        #expect(
            VaultLocator.NotAVault(folder: "code").description
                == "code is not inside a vault (no .obsidian/ or .vaultgen.yml in it or any folder above); run 'touch .vaultgen.yml' in the vault folder to mark it"
        )
    }
}

/// Paths as every command shows them: relative to the current folder.
@Suite("paths shown relative to the current folder")
struct PathDisplayTests {
    let vault = URL(fileURLWithPath: "/srv/vault")

    @Test func fromTheVaultsRoot() {
        let display = PathDisplay(current: "/srv/vault", vaultRoot: vault)
        #expect(display.show(vaultPath: "Notes/A.md") == "Notes/A.md")
        #expect(display.show(vaultPath: "") == ".")
        #expect(display.vaultPrefix == "")
    }

    @Test func fromAboveTheVault() {
        let display = PathDisplay(current: "/srv", vaultRoot: vault)
        #expect(display.show(vaultPath: "Notes/A.md") == "vault/Notes/A.md")
        #expect(display.vaultPrefix == "vault")
    }

    @Test func fromASubfolderOfTheVault() {
        let display = PathDisplay(current: "/srv/vault/Sectors", vaultRoot: vault)
        #expect(display.show(vaultPath: "Notes/A.md") == "../Notes/A.md")
        #expect(display.show(vaultPath: "Sectors/N.md") == "../Sectors/N.md")
        #expect(PathDisplay(current: "/srv/vault/a/b", vaultRoot: vault).show(vaultPath: "Prices") == "../../Prices")
        #expect(display.vaultPrefix == "..")
    }

    @Test func outsideTheCurrentFolderAndItsVaultPathsAreAbsolute() {
        let display = PathDisplay(current: "/home/me", vaultRoot: vault)
        #expect(display.show(vaultPath: "Notes/A.md") == "/srv/vault/Notes/A.md")
        #expect(display.show("/srv/prices") == "/srv/prices")
        // A price folder outside the vault, from inside the vault: absolute, never `../../srv/prices`.
        #expect(PathDisplay(current: "/srv/vault/Notes", vaultRoot: vault).show("/data/prices") == "/data/prices")
    }

    @Test func relativePathsAreTakenFromTheCurrentFolder() {
        let display = PathDisplay(current: "/srv/vault/Notes", vaultRoot: vault)
        #expect(display.show("A.md") == "A.md")
        #expect(display.show("./Sub/../A.md") == "A.md")
        #expect(display.show("../Prices/HUT.csv") == "../Prices/HUT.csv")
        #expect(PathDisplay(current: "/", vaultRoot: nil).show("/srv/x") == "srv/x")
    }
}
