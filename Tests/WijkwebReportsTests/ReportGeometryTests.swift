import CCairo
import Testing
@testable import WijkwebReports

/// The pure drawing code of the report: web coordinates, text measuring and wrapping, label placement.
@Suite struct ReportGeometryTests {
  let geometry = SpiderWebGeometry(centre: PagePoint(x: 100, y: 100), radius: 50, axisCount: 6)

  func close(_ a: PagePoint, _ b: PagePoint, tolerance: Double = 1e-9) -> Bool {
    abs(a.x - b.x) < tolerance && abs(a.y - b.y) < tolerance
  }

  @Test func firstAxisPointsUpAndTheOthersFollowClockwise() {
    #expect(close(geometry.point(axis: 0, score: 10), PagePoint(x: 100, y: 50)))
    // 60 degrees clockwise from 12 o'clock: right and up.
    let second = geometry.point(axis: 1, score: 10)
    #expect(abs(second.x - (100 + 50 * 3.0.squareRoot() / 2)) < 1e-9 && abs(second.y - 75) < 1e-9)
    #expect(close(geometry.point(axis: 3, score: 10), PagePoint(x: 100, y: 150)), "the fourth of six axes points down")
    #expect(geometry.point(axis: 5, score: 10).x < 100, "the last axis is on the left")
  }

  @Test func scoresScaleFromTheCentreAndAreClamped() {
    #expect(close(geometry.point(axis: 0, score: 0), geometry.centre))
    #expect(close(geometry.point(axis: 0, score: 5), PagePoint(x: 100, y: 75)))
    #expect(close(geometry.point(axis: 3, score: 2.5), PagePoint(x: 100, y: 112.5)))
    #expect(close(geometry.point(axis: 0, score: 14), geometry.point(axis: 0, score: 10)))
    #expect(close(geometry.point(axis: 0, score: -3), geometry.centre))
    #expect(close(geometry.point(axis: 2, score: nil), geometry.centre))
    #expect(close(geometry.point(axis: 2, score: .nan), geometry.centre))
  }

  @Test func ringsAreRegularHexagons() {
    for score in SpiderWebGeometry.ringScores {
      let ring = geometry.ring(score)
      #expect(ring.count == 6)
      let expected = 50 * score / 10
      for point in ring {
        let distance = ((point.x - 100) * (point.x - 100) + (point.y - 100) * (point.y - 100)).squareRoot()
        #expect(abs(distance - expected) < 1e-9)
      }
    }
    #expect(SpiderWebGeometry.ringScores.last == 10)
  }

  @Test func polygonTakesOneScorePerAxis() {
    let polygon = geometry.polygon([10, 5, nil, 0, 10, 10])
    #expect(polygon.count == 6)
    #expect(close(polygon[0], PagePoint(x: 100, y: 50)))
    #expect(close(polygon[2], geometry.centre))
    #expect(close(geometry.polygon([10])[1], geometry.centre), "missing scores sit at the centre")
  }

  @Test func textWidthsAreDejaVuAdvances() {
    // "a" is 1255 units of 2048 in DejaVu Sans; at 2048 points that is 1255 points.
    #expect(TextMetrics.width("a", size: 2048) == 1255)
    #expect(TextMetrics.width("aa", size: 10) == 2 * TextMetrics.width("a", size: 10))
    #expect(TextMetrics.width("a", size: 10, weight: .bold) > TextMetrics.width("a", size: 10))
    // Dutch diacritics have their own widths, and a decomposed accent adds nothing.
    #expect(TextMetrics.width("ë", size: 10) == TextMetrics.width("e", size: 10))
    #expect(TextMetrics.width("e\u{0308}", size: 10) == TextMetrics.width("e", size: 10))
    #expect(TextMetrics.width("▲", size: 10) > 0)
  }

  @Test func wrappingKeepsEveryLineWithinTheWidth() {
    let text = "Een aantrekkelijke omgeving, zonder leegstand of verval, waar bewoners graag wonen en elkaar ontmoeten."
    let lines = TextMetrics.wrap(text, width: 120, size: 9)
    #expect(lines.count > 2)
    #expect(lines.allSatisfy { TextMetrics.width($0, size: 9) <= 120 })
    #expect(lines.joined(separator: " ") == text, "no word is lost")
    let cut = TextMetrics.wrap("Onuitsprekelijkgrootwoordzonderspaties", width: 40, size: 9)
    #expect(cut.count > 1 && cut.allSatisfy { TextMetrics.width($0, size: 9) <= 40 })
    let limited = TextMetrics.wrap(text, width: 120, size: 9, maxLines: 2)
    #expect(limited.count == 2 && limited[1].hasSuffix("…") && TextMetrics.width(limited[1], size: 9) <= 120)
  }

  @Test func textBoxesFollowTheAnchor() throws {
    let width = TextMetrics.width("Zingeving", size: 10)
    let start = try #require(DrawingElement.text("Zingeving", at: PagePoint(x: 50, y: 20), size: 10, weight: .regular, colour: .text, anchor: .start).textBox)
    let middle = try #require(DrawingElement.text("Zingeving", at: PagePoint(x: 50, y: 20), size: 10, weight: .regular, colour: .text, anchor: .middle).textBox)
    let end = try #require(DrawingElement.text("Zingeving", at: PagePoint(x: 50, y: 20), size: 10, weight: .regular, colour: .text, anchor: .end).textBox)
    #expect(start.x == 50 && abs(middle.x - (50 - width / 2)) < 1e-9 && abs(end.maxX - 50) < 1e-9)
    #expect(start.y < 20 && start.maxY > 20, "the box spans the baseline")
  }

  static let longNames = ["Lichaamsfuncties", "Mentaal welbevinden", "Zingeving", "Kwaliteit van leven", "Meedoen", "Dagelijks functioneren"]

  @Test(arguments: [(250.0, 190.0), (330.0, 400.0), (160.0, 160.0)])
  func webLabelsStayInTheBoxAndApart(width: Double, height: Double) {
    let web = SpiderWebDrawing.make(width: width, height: height, axisNames: Self.longNames,
                                    series: [WebSeries(scores: [7, 6, 8, 5, 6, 7], style: .main)], labelSize: 7.5)
    let box = PageRect(x: 0, y: 0, width: width, height: height)
    let labels = web.textBoxes.filter { entry in !entry.text.allSatisfy(\.isNumber) }
    #expect(labels.count >= 6)
    for label in labels {
      #expect(box.contains(label.box, tolerance: 0.5), "\(label.text) leaves the \(width)x\(height) box: \(label.box)")
    }
    for (index, a) in labels.enumerated() {
      for b in labels[(index + 1)...] {
        #expect(!a.box.overlaps(b.box), "\(a.text) overlaps \(b.text)")
      }
    }
    // No label sits on the web itself.
    let geometry = SpiderWebDrawing.geometry(width: width, height: height, axisNames: Self.longNames, labelSize: 7.5)
    let rim = PageRect(x: geometry.centre.x - geometry.radius * 0.86, y: geometry.centre.y - geometry.radius * 0.5,
                   width: geometry.radius * 1.72, height: geometry.radius)
    for label in labels {
      #expect(!rim.overlaps(label.box), "\(label.text) covers the web")
    }
  }

  @Test func incompleteSeriesAreNotDrawn() {
    func polygons(_ drawing: Drawing) -> Int {
      drawing.elements.filter { if case .polygon = $0 { return true } else { return false } }.count
    }
    let rings = SpiderWebGeometry.ringScores.count
    let complete = SpiderWebDrawing.make(width: 200, height: 200, axisNames: Self.longNames,
                                         series: [WebSeries(scores: [5, 5, 5, 5, 5, 5], style: .comparison)])
    #expect(polygons(complete) == rings + 1)
    let gap = SpiderWebDrawing.make(width: 200, height: 200, axisNames: Self.longNames,
                                    series: [WebSeries(scores: [5, 5, nil, 5, 5, 5], style: .comparison)])
    #expect(polygons(gap) == rings, "a web with a missing dimension would be drawn through the centre")
    let skipping = SpiderWebDrawing.make(width: 200, height: 200, axisNames: Self.longNames,
                                         series: [WebSeries(scores: [5, 5, nil, 5, 5, 5], style: .main, skipsMissing: true)])
    let drawn = skipping.elements.compactMap { element -> [PagePoint]? in
      if case .polygon(let points, let stroke, _, _) = element, stroke?.colour == .okabeBlue { return points } else { return nil }
    }
    #expect(drawn.count == 1 && drawn[0].count == 5, "a resident's web leaves out only the missing axis")
  }

  @Test func seriesDifferInLineNotOnlyColour() {
    let styles: [WebSeriesStyle] = [.main, .comparison, .previous]
    let patterns = Set(styles.map { $0.stroke.dash })
    #expect(patterns.count == 3, "solid, dashed and dotted, so they stay apart in greyscale")
    #expect(WebSeriesStyle.main.fill != nil && WebSeriesStyle.comparison.fill == nil)
    // Okabe-Ito colours; the area's line is the darkest.
    #expect(WebSeriesStyle.main.stroke.colour.css == "#0072b2" && WebSeriesStyle.comparison.stroke.colour.css == "#e69f00")
    #expect(WebSeriesStyle.main.stroke.colour.luma < WebSeriesStyle.comparison.stroke.colour.luma)
  }
}

/// The widths the layout measures are the widths cairo draws: DejaVu Sans found through fontconfig.
@Suite struct TextMetricsAgainstCairoTests {
  static let samples = ["Lichaamsfuncties", "Dagelijks functioneren", "één café, coördinatie", "−0,4 ▼ +0,3 ▲", "95%-interval",
                        "“Mijn wijk”", "Wat bewoners zeggen: 6,1 – 6,8"]

  @Test(arguments: [FontWeight.regular, .bold])
  func widthsMatchCairo(weight: FontWeight) throws {
    let surface = try #require(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 10, 10))
    defer { cairo_surface_destroy(surface) }
    let context = try #require(cairo_create(surface))
    defer { cairo_destroy(context) }
    let options = try #require(cairo_font_options_create())
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
    cairo_set_font_options(context, options)
    cairo_font_options_destroy(options)
    cairo_select_font_face(context, PDFRenderer.fontFamily, CAIRO_FONT_SLANT_NORMAL, weight == .bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
    cairo_set_font_size(context, 100)
    for sample in Self.samples {
      var extents = cairo_text_extents_t()
      cairo_text_extents(context, sample, &extents)
      let measured = TextMetrics.width(sample, size: 100, weight: weight)
      #expect(abs(extents.x_advance - measured) < 0.5, "\(sample): cairo \(extents.x_advance), metrics \(measured)")
    }
  }
}
