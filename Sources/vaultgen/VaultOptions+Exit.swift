import ArgumentParser
import CommandOptions
import Refresh

extension VaultOptions {
    /// The vault, found from `start` (or the current folder) after entering `-C DIR`; a folder in no vault is
    /// refused with exit 2.
    func required(from start: String? = nil) throws -> Located {
        do { return try vault(from: start) } catch {
            Output.error("vaultgen: error: \(error)")
            throw ExitCode(2)
        }
    }

    /// The vault found as `required` finds it, or nil when no folder at or above the start is a vault.
    func optional(from start: String? = nil) throws -> Located? {
        do { return try findVault(from: start) } catch {
            Output.error("vaultgen: error: \(error)")
            throw ExitCode(2)
        }
    }

    /// The vault found from `start`, once `-C` has been entered (`entered()`); nil when there is none.
    static func optional(from start: String) throws -> Located? {
        do { return try find(from: start) } catch {
            Output.error("vaultgen: error: \(error)")
            throw ExitCode(2)
        }
    }

    /// The vault found from `start`, once `-C` has been entered; a folder in no vault is refused.
    static func required(from start: String) throws -> Located {
        do { return try vault(from: start) } catch {
            Output.error("vaultgen: error: \(error)")
            throw ExitCode(2)
        }
    }
}

extension VaultOptions {
    /// Enters `-C DIR` when given; one that cannot be entered is exit 2.
    func entered() throws {
        do { try enter() } catch {
            Output.error("vaultgen: error: \(error)")
            throw ExitCode(2)
        }
    }
}

extension VaultOptions.Located {
    /// The warning with its note's path shown as paths are shown.
    func shown(_ warning: UpdatePlan.Warning) -> UpdatePlan.Warning {
        var shown = warning
        shown.path = show(warning.path)
        return shown
    }
}
