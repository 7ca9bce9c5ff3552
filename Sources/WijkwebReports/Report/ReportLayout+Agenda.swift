extension ReportLayout {
  /// The pages of one area: its page, and a second one ("vervolg") when the agenda section does not fit
  /// on the first. `pageLabel` gives the label of the area's first, second, ... page.
  public static func pages(_ report: AreaReport, pageLabel: (Int) -> String) -> [Drawing] {
    let first = firstPage(report, pageLabel: pageLabel(0))
    guard first.agendaOverflows != .none, let agenda = report.agenda else { return [first.drawing] }
    var layout = Cursor()
    layout.text(report.instrument, size: 8.5, colour: .muted)
    layout.y += 4
    layout.text(agenda.continuedTitle, size: 19, weight: .bold)
    layout.y += 2
    layout.text(report.subtitle, size: 10, colour: .text)
    layout.y += 5
    layout.rule()
    layout.y += 8
    let footerTop = layout.footer(report.footer, pageLabel: pageLabel(1))
    if first.agendaOverflows == .both { _ = layout.floorBlock(agenda, limit: footerTop) }
    _ = layout.agendaBlock(agenda, limit: footerTop)
    return [first.drawing, layout.drawing]
  }

  /// How many pages the area takes (1 or 2).
  public static func pageCount(_ report: AreaReport) -> Int {
    pages(report, pageLabel: { _ in "" }).count
  }
}

/// Which blocks of the agenda section did not fit on an area's first page.
enum AgendaOverflow: Equatable {
  case none
  /// "Afgesproken vorige keer" goes to the second page; the ondergrens stayed.
  case agenda
  /// Both go to the second page.
  case both
}

extension ReportLayout.Cursor {
  /// Places the ondergrens block and then "Afgesproken vorige keer", each only when it fits whole above
  /// `limit`; says which did not.
  mutating func agendaBlocks(_ section: AgendaSection, noFloorInBody: Bool, limit: Double) -> AgendaOverflow {
    var trial = self
    if !section.floorItems.isEmpty || noFloorInBody {
      trial.y += 6
      guard trial.floorBlock(section, limit: limit) else { return .both }
      self = trial
    }
    guard section.agendaHeading != nil else { return .none }
    trial.y += 6
    guard trial.agendaBlock(section, limit: limit) else { return .agenda }
    self = trial
    return .none
  }

  /// The ondergrens lines; false (having drawn what fitted) when they pass `limit`.
  mutating func floorBlock(_ section: AgendaSection, limit: Double) -> Bool {
    let size = ReportLayout.bodySize
    if section.floorItems.isEmpty, let none = section.noFloor {
      guard fitsParagraph(none, size: size, limit: limit) else { return false }
      paragraph(none, size: size, colour: .muted, limit: limit)
      return true
    }
    guard fits(10.5 * 1.3, limit) else { return false }
    heading(section.floorHeading)
    for item in section.floorItems {
      if item.label.isEmpty {
        guard fitsParagraph(item.text, size: size, limit: limit) else { return false }
        paragraph(item.text, size: size, limit: limit)
      } else if !labelled(item.label, item.text, size: size, maxLines: 3, limit: limit) {
        return false
      }
    }
    if let note = section.floorNote {
      guard fitsParagraph(note, size: size - 1, limit: limit) else { return false }
      paragraph(note, size: size - 1, colour: .muted, limit: limit)
    }
    return true
  }

  /// "Afgesproken vorige keer"; false (having drawn what fitted) when it passes `limit`.
  mutating func agendaBlock(_ section: AgendaSection, limit: Double) -> Bool {
    let size = ReportLayout.bodySize
    guard let heading = section.agendaHeading else { return true }
    guard fits(10.5 * 1.3 + size * 1.3, limit) else { return false }
    self.heading(heading)
    if let intro = section.agendaIntro {
      guard fitsParagraph(intro, size: size, limit: limit) else { return false }
      paragraph(intro, size: size, colour: .muted, limit: limit)
    }
    for item in section.agendaItems {
      if item.label.isEmpty {
        guard fits(9 * 1.3 + 2, limit) else { return false }
        y += 2
        text(item.text, size: 9, weight: .bold)
        y += 1
      } else if !labelled(item.label, item.text, size: size, maxLines: 3, limit: limit) {
        return false
      }
    }
    return true
  }

  func fits(_ height: Double, _ limit: Double) -> Bool { y + height <= limit }

  /// Says "Geen ondergrens afgesproken." at the right end of the subtitle's line (whose top is `top`) when
  /// the area has none and the line has room; false when it has to go in the body instead.
  mutating func noFloorBesideSubtitle(_ report: AreaReport, top: Double) -> Bool {
    guard let none = report.agenda?.noFloor, report.agenda?.floorItems.isEmpty ?? false else { return true }
    let size = 9.0
    guard TextMetrics.width(report.subtitle, size: 10) + TextMetrics.width(none, size: size) + 20 <= width else { return false }
    drawing.elements.append(.text(none, at: PagePoint(x: left + width, y: top + TextMetrics.ascent * 10), size: size, weight: .regular,
                                  colour: .muted, anchor: .end))
    return true
  }

  func fitsParagraph(_ string: String, size: Double, limit: Double) -> Bool {
    let lines = TextMetrics.wrap(string, width: width, size: size).count
    return fits(Double(lines) * ((TextMetrics.ascent + TextMetrics.descent) * size + size * 0.2), limit)
  }
}
