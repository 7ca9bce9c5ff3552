import CCairo
import WijkwebFiles

/// Why a PDF could not be written, in words an operator can act on.
public struct RenderError: Error, CustomStringConvertible, Sendable {
  public var description: String
  /// The file problem behind it, said in the command's language by `main`.
  public var file: FileError?
  public init(_ description: String) { self.description = description }
  public init(_ file: FileError) {
    self.description = file.message
    self.file = file
  }
}

/// Draws pages (see `Drawing`) into a PDF through cairo, with DejaVu Sans embedded as a subset. Thin:
/// every position and text was decided by the layout.
public enum PDFRenderer {
  /// The font family cairo asks fontconfig for (fonts-dejavu-core).
  public static let fontFamily = "DejaVu Sans"

  /// Writes `pages` to a new file at `path` through the atomic writer (owner-only from the first byte, an
  /// existing file replaced only with `force`), one PDF page each. `day` (2026-11-23), when given, is the
  /// only creation date in the file, so a resident's printout carries no time that could be matched to
  /// their response.
  public static func write(_ pages: [Drawing], to path: String, title: String, day: String? = nil, force: Bool = false) throws {
    guard !pages.isEmpty else { throw RenderError("There is nothing to put in \(path).") }
    let file: AtomicFile
    do {
      file = try AtomicFile(path: path, force: force)
    } catch let error as FileError {
      throw RenderError(error)
    }
    try render(pages, into: file, title: title, day: day)
    do {
      try file.commit()
    } catch let error as FileError {
      throw RenderError(error)
    }
  }

  /// Draws `pages` into `file` (not committed).
  static func render(_ pages: [Drawing], into file: AtomicFile, title: String, day: String?) throws {
    let path = file.path
    guard let first = pages.first else { throw RenderError("There is nothing to put in \(path).") }
    let context = Unmanaged.passUnretained(file).toOpaque()
    guard let surface = cairo_pdf_surface_create_for_stream({ context, data, length in
      guard let context, let data else { return CAIRO_STATUS_WRITE_ERROR }
      let file = Unmanaged<AtomicFile>.fromOpaque(context).takeUnretainedValue()
      return file.writeRemembering(UnsafeRawBufferPointer(start: data, count: Int(length))) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR
    }, context, first.width, first.height) else {
      throw RenderError("Could not create \(path).")
    }
    defer { cairo_surface_destroy(surface) }
    if cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS {
      throw RenderError("Could not write \(path): \(String(cString: cairo_status_to_string(cairo_surface_status(surface)))).")
    }
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, title)
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "Wijkweb")
    if let day {
      cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, day + "T00:00:00")
    }
    guard let cairo = cairo_create(surface) else { throw RenderError("Could not draw into \(path).") }
    defer { cairo_destroy(cairo) }
    if let options = cairo_font_options_create() {
      cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
      cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
      cairo_set_font_options(cairo, options)
      cairo_font_options_destroy(options)
    }
    for page in pages {
      cairo_pdf_surface_set_size(surface, page.width, page.height)
      for element in page.elements { draw(element, in: cairo) }
      cairo_show_page(cairo)
    }
    cairo_surface_finish(surface)
    if let failure = file.failure { throw RenderError(failure.message) }
    let status = cairo_surface_status(surface)
    if status != CAIRO_STATUS_SUCCESS {
      throw RenderError("Could not finish \(path): \(String(cString: cairo_status_to_string(status))).")
    }
  }

  static func setColour(_ colour: RGB, opacity: Double = 1, in context: OpaquePointer) {
    if opacity < 1 {
      cairo_set_source_rgba(context, colour.red, colour.green, colour.blue, opacity)
    } else {
      cairo_set_source_rgb(context, colour.red, colour.green, colour.blue)
    }
  }

  static func apply(_ stroke: Stroke, in context: OpaquePointer) {
    setColour(stroke.colour, in: context)
    cairo_set_line_width(context, stroke.width)
    cairo_set_line_cap(context, stroke.roundCaps ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
    cairo_set_line_join(context, CAIRO_LINE_JOIN_ROUND)
    stroke.dash.withUnsafeBufferPointer { dashes in
      cairo_set_dash(context, dashes.baseAddress, Int32(dashes.count), 0)
    }
  }

  /// Fills and/or strokes the current path.
  static func paint(stroke: Stroke?, fill: RGB?, fillOpacity: Double, in context: OpaquePointer) {
    if let fill {
      setColour(fill, opacity: fillOpacity, in: context)
      if stroke != nil { cairo_fill_preserve(context) } else { cairo_fill(context) }
    }
    if let stroke {
      apply(stroke, in: context)
      cairo_stroke(context)
    }
    cairo_new_path(context)
  }

  static func draw(_ element: DrawingElement, in context: OpaquePointer) {
    switch element {
    case .line(let from, let to, let stroke):
      cairo_move_to(context, from.x, from.y)
      cairo_line_to(context, to.x, to.y)
      paint(stroke: stroke, fill: nil, fillOpacity: 1, in: context)
    case .polygon(let points, let stroke, let fill, let opacity):
      guard let first = points.first else { return }
      cairo_move_to(context, first.x, first.y)
      for point in points.dropFirst() { cairo_line_to(context, point.x, point.y) }
      cairo_close_path(context)
      paint(stroke: stroke, fill: fill, fillOpacity: fill == nil ? 1 : opacity, in: context)
    case .circle(let centre, let radius, let stroke, let fill):
      cairo_new_sub_path(context)
      cairo_arc(context, centre.x, centre.y, radius, 0, 2 * Double.pi)
      paint(stroke: stroke, fill: fill, fillOpacity: 1, in: context)
    case .rect(let rect, let stroke, let fill):
      cairo_rectangle(context, rect.x, rect.y, rect.width, rect.height)
      paint(stroke: stroke, fill: fill, fillOpacity: 1, in: context)
    case .text(let string, let point, let size, let weight, let colour, _):
      guard let box = element.textBox else { return }
      cairo_select_font_face(context, fontFamily, CAIRO_FONT_SLANT_NORMAL,
                             weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
      cairo_set_font_size(context, size)
      setColour(colour, in: context)
      cairo_move_to(context, box.x, point.y)
      cairo_show_text(context, string)
      cairo_new_path(context)
    }
  }
}
