import Foundation

/// The report as one self-contained HTML file: a section per area holding its page as inline SVG, print
/// styles for A4 with a page break between areas, and DejaVu Sans embedded (when given) so the text
/// keeps the widths the layout measured. No external URL anywhere.
public enum HTMLReport {
  /// The document. `fonts` are the regular and bold TrueType files' bytes, embedded as data URLs.
  public static func html(pages: [(areaCode: String, title: String, drawing: Drawing)], title: String, language: String,
                          fonts: (regular: [UInt8], bold: [UInt8])?) -> String {
    var out = """
      <!DOCTYPE html>
      <html lang="\(SVGRenderer.escape(language))">
      <head>
      <meta charset="utf-8">
      <title>\(SVGRenderer.escape(title))</title>
      <style>

      """
    if let fonts {
      out += "@font-face { font-family: \"Wijkweb DejaVu Sans\"; font-weight: normal; src: url(data:font/ttf;base64,\(Data(fonts.regular).base64EncodedString())) format(\"truetype\"); }\n"
      out += "@font-face { font-family: \"Wijkweb DejaVu Sans\"; font-weight: bold; src: url(data:font/ttf;base64,\(Data(fonts.bold).base64EncodedString())) format(\"truetype\"); }\n"
    }
    out += """
      @page { size: A4; margin: 0; }
      html, body { margin: 0; padding: 0; background: #ddd; }
      svg { font-family: "Wijkweb DejaVu Sans", "DejaVu Sans", sans-serif; display: block; width: 100%; height: 100%; }
      section.area { width: 210mm; height: 297mm; margin: 8mm auto; background: #fff; box-shadow: 0 0 4px #999; overflow: hidden;
        page-break-after: always; break-after: page; }
      section.area:last-of-type { page-break-after: auto; break-after: auto; }
      @media print {
        html, body { background: #fff; }
        section.area { margin: 0; box-shadow: none; }
      }
      </style>
      </head>
      <body>

      """
    for page in pages {
      out += "<section class=\"area\" id=\"area-\(SVGRenderer.escape(page.areaCode))\" data-area=\"\(SVGRenderer.escape(page.areaCode))\">\n"
      out += SVGRenderer.svg(page.drawing, label: page.title) + "\n</section>\n"
    }
    return out + "</body>\n</html>\n"
  }
}
