import Testing
import VaultModel

/// libcmark's HTML renderer, which the rendering tests of generated text compare notes with.
@Suite struct HTMLRenderingTests {
    @Test func rawHTMLAndCommentsAreKeptAsWritten() {
        #expect(
            CmarkDocument.renderHTML("# A\n\n<!--\nkept\n-->\n\n- [[B]]\n*lazy*\n")
                == "<h1>A</h1>\n<!--\nkept\n-->\n<ul>\n<li>[[B]]\n<em>lazy</em></li>\n</ul>\n")
    }

    @Test func bytesWithCarriageReturnsAndNoFinalNewline() {
        let text = Array("Related\r-------\r\rtext".utf8)
        #expect(text.withUnsafeBufferPointer { CmarkDocument.renderHTML($0) } == "<h2>Related</h2>\n<p>text</p>\n")
    }
}
