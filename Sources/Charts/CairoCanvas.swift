import CCairo

/// Replays a recorded `Canvas` with cairo; the only file that talks to C.
///
/// Every cairo object is created and destroyed inside one function, with `defer`, so no `OpaquePointer`
/// leaves this file and nothing is shared between threads. Text uses cairo's toy API with "DejaVu Sans",
/// which fontconfig resolves; hinting of metrics is turned off so widths measured here are the same at any
/// scale and on both surfaces, and layout does not depend on the output format.
enum CairoCanvas {
    static let fontFamily = "DejaVu Sans"

    /// Renders `canvas` to PNG bytes at `scale` pixels per point, or to SVG bytes sized in points.
    static func render(_ canvas: Canvas, as format: ChartImage.Format, scale: Double) throws(ChartError) -> [UInt8] {
        var sink = [UInt8]()
        let status = withUnsafeMutablePointer(to: &sink) { sinkPointer -> cairo_status_t in
            let closure = UnsafeMutableRawPointer(sinkPointer)
            switch format {
            case .png:
                let surface = cairo_image_surface_create(
                    CAIRO_FORMAT_ARGB32, Int32((canvas.width * scale).rounded()),
                    Int32((canvas.height * scale).rounded()))
                defer { cairo_surface_destroy(surface) }
                let drawn = draw(canvas, on: surface, scale: scale)
                guard drawn == CAIRO_STATUS_SUCCESS else { return drawn }
                return cairo_surface_write_to_png_stream(surface, appendBytes, closure)
            case .svg:
                let surface = cairo_svg_surface_create_for_stream(appendBytes, closure, canvas.width, canvas.height)
                defer { cairo_surface_destroy(surface) }
                let drawn = draw(canvas, on: surface, scale: 1)
                guard drawn == CAIRO_STATUS_SUCCESS else { return drawn }
                // The SVG writer emits the document when the surface is finished, while `sink` is still alive.
                cairo_surface_finish(surface)
                return cairo_surface_status(surface)
            }
        }
        guard status == CAIRO_STATUS_SUCCESS else { throw .drawingFailed(reason: message(status)) }
        return format == .svg ? numberingSurfaceOne(sink) : sink
    }

    /// Renames cairo's `<g id="surfaceN">` to `surface1`.
    ///
    /// N is a process-wide counter of every surface cairo has created, so without this the second render
    /// of the same chart would differ by that one number. Nothing in the document refers to the id.
    static func numberingSurfaceOne(_ svg: [UInt8]) -> [UInt8] {
        let prefix = Array(#"<g id="surface"#.utf8)
        guard let start = svg.firstRange(of: prefix)?.upperBound else { return svg }
        var end = start
        while end < svg.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(svg[end]) { end += 1 }
        return Array(svg[..<start]) + Array("1".utf8) + Array(svg[end...])
    }

    /// The advance width of `text` in points.
    static func advance(of text: String, font: Canvas.Font) -> Double {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, 1)
        defer { cairo_surface_destroy(surface) }
        let cr = cairo_create(surface)
        defer { cairo_destroy(cr) }
        applyFontOptions(cr)
        select(font, cr)
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        return extents.x_advance
    }

    /// Decodes PNG bytes into straight (not premultiplied) RGBA rows, or nil when cairo cannot read them.
    static func decodePNG(_ bytes: [UInt8]) -> (width: Int, height: Int, rgba: [UInt8])? {
        var reader = PNGReader(bytes: bytes)
        return withUnsafeMutablePointer(to: &reader) { readerPointer in
            let surface = cairo_image_surface_create_from_png_stream(
                readPNGBytes, UnsafeMutableRawPointer(readerPointer))
            defer { cairo_surface_destroy(surface) }
            guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS,
                cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32
                    || cairo_image_surface_get_format(surface) == CAIRO_FORMAT_RGB24,
                let data = cairo_image_surface_get_data(surface)
            else { return nil }
            let hasAlpha = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32
            let width = Int(cairo_image_surface_get_width(surface))
            let height = Int(cairo_image_surface_get_height(surface))
            let stride = Int(cairo_image_surface_get_stride(surface))
            var rgba = [UInt8](repeating: 0, count: width * height * 4)
            for y in 0..<height {
                let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width {
                    // Cairo stores native-endian 0xAARRGGBB words with premultiplied colour.
                    let word = row[x]
                    let alpha = hasAlpha ? word >> 24 : 255
                    let out = (y * width + x) * 4
                    func straight(_ channel: UInt32) -> UInt8 {
                        alpha == 0 ? 0 : UInt8(min(255, (channel * 255 + alpha / 2) / alpha))
                    }
                    rgba[out] = straight((word >> 16) & 0xFF)
                    rgba[out + 1] = straight((word >> 8) & 0xFF)
                    rgba[out + 2] = straight(word & 0xFF)
                    rgba[out + 3] = UInt8(alpha)
                }
            }
            return (width, height, rgba)
        }
    }

    private struct PNGReader {
        let bytes: [UInt8]
        var offset = 0
    }

    private static let appendBytes: cairo_write_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = closure.assumingMemoryBound(to: [UInt8].self)
        sink.pointee.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
        return CAIRO_STATUS_SUCCESS
    }

    private static let readPNGBytes: cairo_read_func_t = { closure, data, length in
        guard let closure, let data else { return CAIRO_STATUS_READ_ERROR }
        let reader = closure.assumingMemoryBound(to: PNGReader.self)
        let count = Int(length)
        guard reader.pointee.offset + count <= reader.pointee.bytes.count else { return CAIRO_STATUS_READ_ERROR }
        reader.pointee.bytes.withUnsafeBufferPointer { buffer in
            data.update(from: buffer.baseAddress! + reader.pointee.offset, count: count)
        }
        reader.pointee.offset += count
        return CAIRO_STATUS_SUCCESS
    }

    private static func draw(_ canvas: Canvas, on surface: OpaquePointer?, scale: Double) -> cairo_status_t {
        let cr = cairo_create(surface)
        defer { cairo_destroy(cr) }
        cairo_scale(cr, scale, scale)
        cairo_set_antialias(cr, CAIRO_ANTIALIAS_GOOD)
        applyFontOptions(cr)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        for command in canvas.commands {
            replay(command, cr)
        }
        let status = cairo_status(cr)
        return status == CAIRO_STATUS_SUCCESS ? cairo_surface_status(surface) : status
    }

    private static func replay(_ command: Canvas.Command, _ cr: OpaquePointer?) {
        switch command {
        case .move(let point):
            cairo_move_to(cr, point.x, point.y)
        case .line(let point):
            cairo_line_to(cr, point.x, point.y)
        case .rectangle(let rect):
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
        case .circle(let center, let radius):
            cairo_new_sub_path(cr)
            cairo_arc(cr, center.x, center.y, radius, 0, 2 * Double.pi)
            cairo_close_path(cr)
        case .fill(let color):
            setSource(color, cr)
            cairo_fill(cr)
        case .fillGradient(let start, let end, let stops):
            let pattern = cairo_pattern_create_linear(start.x, start.y, end.x, end.y)
            defer { cairo_pattern_destroy(pattern) }
            for stop in stops {
                cairo_pattern_add_color_stop_rgb(
                    pattern, stop.offset, stop.color.red, stop.color.green, stop.color.blue)
            }
            cairo_set_source(cr, pattern)
            cairo_fill(cr)
        case .stroke(let color, let width, let dash):
            setSource(color, cr)
            cairo_set_line_width(cr, width)
            cairo_set_line_cap(cr, dash.isEmpty ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
            cairo_set_dash(cr, dash, Int32(dash.count), 0)
            cairo_stroke(cr)
        case .text(let text):
            cairo_save(cr)
            defer { cairo_restore(cr) }
            select(text.font, cr)
            setSource(text.color, cr)
            cairo_translate(cr, text.origin.x, text.origin.y)
            cairo_rotate(cr, text.angle)
            cairo_move_to(cr, text.offset.x, text.offset.y)
            cairo_show_text(cr, text.string)
            cairo_new_path(cr)
        case .clip(let rect):
            cairo_reset_clip(cr)
            cairo_rectangle(cr, rect.x, rect.y, rect.width, rect.height)
            cairo_clip(cr)
        case .resetClip:
            cairo_reset_clip(cr)
        }
    }

    private static func setSource(_ color: ChartColor, _ cr: OpaquePointer?) {
        cairo_set_source_rgb(cr, color.red, color.green, color.blue)
    }

    private static func select(_ font: Canvas.Font, _ cr: OpaquePointer?) {
        let weight = font.weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL
        cairo_select_font_face(cr, fontFamily, CAIRO_FONT_SLANT_NORMAL, weight)
        cairo_set_font_size(cr, font.size)
    }

    private static func applyFontOptions(_ cr: OpaquePointer?) {
        let options = cairo_font_options_create()
        defer { cairo_font_options_destroy(options) }
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_set_font_options(cr, options)
    }

    private static func message(_ status: cairo_status_t) -> String {
        guard let text = cairo_status_to_string(status) else { return "cairo status \(status.rawValue)" }
        return String(cString: text)
    }
}

extension ChartImage {
    /// Decodes a PNG chart back into pixels with cairo, so tests can look at what was drawn.
    ///
    /// - Returns: Width, height and straight RGBA bytes, row by row; nil for SVG or bytes cairo cannot read.
    public func pixels() -> (width: Int, height: Int, rgba: [UInt8])? {
        guard format == .png else { return nil }
        return CairoCanvas.decodePNG(bytes)
    }
}
