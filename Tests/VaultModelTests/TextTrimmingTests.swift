import Foundation
import Testing

@testable import VaultModel

@Suite struct TextTrimmingTests {
    /// The same result as Foundation's `trimmingCharacters(in: .whitespaces)`, which it replaces.
    @Test(arguments: [
        "", " ", "\t\t", "a", " a ", "\ta b\t", "  Name  ", "\u{00A0}nbsp\u{00A0}", "\u{2003}em space\u{3000}",
        "a\n", "\n a \n", " e\u{301} ", "日本 ", " \u{200B}zero width\u{200B} ", "x \t ",
    ])
    func trimsWhatFoundationTrims(text: String) {
        #expect(text.trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
        #expect(text[...].trimmingWhitespace() == text.trimmingCharacters(in: .whitespaces))
    }

    /// The same result as Foundation's `removingPercentEncoding`, which it replaces.
    @Test(arguments: [
        "", "plain", "My%20Note.md", "%41%42%43", "caf%C3%A9", "%e2%82%ac", "100%", "%2", "%zz", "a%20%20b",
        "%FF", "%C3", "%%20", "%2525", "../Folder/N%20x.md#H%201",
    ])
    func decodesWhatFoundationDecodes(text: String) {
        #expect(text.percentDecoded == text.removingPercentEncoding)
    }
}
