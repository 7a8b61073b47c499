import ArgumentParser

/// `--format text|json` of the commands whose text output is lines for people (update).
enum ReportFormat: String, CaseIterable, ExpressibleByArgument {
    case text, json
}
