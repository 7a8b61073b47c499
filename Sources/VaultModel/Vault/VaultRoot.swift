import Foundation

/// How reports for tools name a vault: its root folder as an absolute path.
public enum VaultRoot {
    /// `folder` as given on the command line (relative to the current folder, or absolute) as an absolute path
    /// without `.` or `..` components and without a trailing `/`; symbolic links are kept as named.
    public static func absolute(_ folder: String) -> String {
        URL(fileURLWithPath: folder).standardizedFileURL.path
    }
}
