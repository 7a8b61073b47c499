/// A value of a note's YAML front matter, reduced to what notes use: text, lists and mappings.
///
/// Scalars keep their text as written (`0.5`, `true`, `2024-01`): the consumer decides what they mean.
public indirect enum FrontMatterValue: Sendable, Equatable {
    case scalar(String)
    case list([FrontMatterValue])
    case map([String: FrontMatterValue])
    case null

    /// The value as text, when it is a scalar.
    public var string: String? {
        if case .scalar(let s) = self { return s }
        return nil
    }

    /// The value as a list of strings: a list's scalars, or a single scalar as a one-element list.
    public var strings: [String] {
        switch self {
        case .scalar(let s): return s.isEmpty ? [] : [s]
        case .list(let items): return items.compactMap(\.string).filter { !$0.isEmpty }
        case .map, .null: return []
        }
    }
}
