import WijkwebCore

/// What the report needs of the wijkagenda: the ondergrenzen of every area, and the agenda each area
/// recorded after the previous round's wijkdialoog.
public struct AgendaReportInput: Sendable {
  public var floors: [String: [Floor]]
  /// By area code: the agenda recorded for the previous round.
  public var previousAgendas: [String: Agenda]

  public init(floors: [Floor] = [], previousAgendas: [Agenda] = []) {
    self.floors = Dictionary(grouping: floors, by: \.areaCode)
    self.previousAgendas = Dictionary(previousAgendas.map { ($0.areaCode, $0) }, uniquingKeysWith: { first, _ in first })
  }
}

/// The agenda's part of an area's page, in words ready to print: the ondergrens of each dimension
/// against the published figure, and "Afgesproken vorige keer" (last round's opgaven and actions).
public struct AgendaSection: Sendable, Equatable {
  public struct Item: Sendable, Equatable {
    public var label: String
    public var text: String
  }

  /// The title of the area's second page, when the section goes there.
  public var continuedTitle: String
  public var floorHeading: String
  /// Per part with an ondergrens: its title and the dimensions' figures against it; and a line naming
  /// the dimensions without one (or saying there is none at all).
  public var floorItems: [Item]
  /// "Geen ondergrens afgesproken.", when the area has none at all: said beside the subtitle (no room taken
  /// from the figures), or in the body when the subtitle leaves no room.
  public var noFloor: String? = nil
  /// How the ondergrens is drawn on the web (only when there is one).
  public var floorNote: String?
  /// "Afgesproken vorige keer", when the previous round recorded an agenda for the area.
  public var agendaHeading: String?
  public var agendaIntro: String?
  /// Sub-headings (label empty) and lines.
  public var agendaItems: [Item]
}

extension AreaReportBuilder {
  /// The ondergrens of each dimension of the area, in questionnaire order (nil where none was agreed).
  func floorScores(area code: String) -> [Double?] {
    let floors = agendaInput.floors[code] ?? []
    return questionnaire.dimensionOrder.map { dimension in floors.first { $0.dimension == dimension }?.value }
  }

  /// The agenda section of an area's page. Figures come from the profile (the protected publication):
  /// a suppressed figure is never compared.
  func agendaSection(area: Area) -> AgendaSection {
    let floors = agendaInput.floors[area.code] ?? []
    let names = questionnaire.dimensionOrder.map { questionnaire.name(of: $0).text(language) }
    var section = AgendaSection(continuedTitle: text(.reportAgendaContinued, area.name), floorHeading: text(.reportFloorTitle), floorItems: [], floorNote: nil, agendaHeading: nil, agendaIntro: nil,
                                agendaItems: [])
    if floors.isEmpty {
      section.noFloor = text(.reportNoFloor)
    } else {
      for part in questionnaire.parts {
        let own = figures(area: area.code, partID: part.id)
        var entries: [String] = []
        for (index, dimension) in questionnaire.dimensionOrder.enumerated() {
          guard let floor = floors.first(where: { $0.dimension == dimension }) else { continue }
          let figure = own[index]
          let mean = figure.flatMap { $0.suppressed ? nil : $0.summary?.mean }
          let floorText = Floor.number(floor.value, language)
          switch FloorMark(mean: mean, floor: floor) {
          case .below(_, let mean): entries.append("▼ " + text(.agendaBelowFloor, names[index] + " " + number(mean), floorText))
          case .atOrAbove(_, let mean): entries.append(text(.agendaAtOrAboveFloor, names[index] + " " + number(mean), floorText))
          case .noFigure: entries.append(names[index] + ": " + text(.agendaFloorNoFigure, floorText))
          case .noFloor: break
          }
        }
        section.floorItems.append(.init(label: part.title.text(language), text: entries.joined(separator: "  ·  ")))
      }
      let without = questionnaire.dimensionOrder.enumerated().filter { entry in !floors.contains { $0.dimension == entry.element } }
        .map { names[$0.offset] }
      if !without.isEmpty {
        section.floorItems.append(.init(label: "", text: UIString.agendaNoFloor.text(language).capitalizedFirstLetter + ": " + without.joined(separator: ", ")))
      }
      // Who agreed them, and when: each group and day once.
      var agreements: [String] = []
      for floor in floors.sorted(by: { ($0.agreedOn, $0.agreedBy) < ($1.agreedOn, $1.agreedBy) }) {
        let agreement = floor.agreedBy + ", " + floor.agreedOn
        if !agreements.contains(agreement) { agreements.append(agreement) }
      }
      section.floorNote = text(.reportFloorExplain) + " " + text(.agendaRecorded, agreements.joined(separator: "; ")).capitalizedFirstLetter + "."
    }
    if let previousRoundName, let agenda = agendaInput.previousAgendas[area.code], !agenda.isEmpty {
      section.agendaHeading = text(.reportAgendaTitle)
      section.agendaIntro = text(.reportAgendaIntro, previousRoundName)
      func name(_ dimension: Dimension) -> String { questionnaire.name(of: dimension).text(language) }
      if !agenda.recognitions.isEmpty {
        section.agendaItems.append(.init(label: text(.agendaRecognitionHeading),
          text: agenda.recognitions.map { name($0.dimension) + ": " + $0.recognition.text(language) }.joined(separator: "  ·  ")))
      }
      if !agenda.tasks.isEmpty {
        section.agendaItems.append(.init(label: "", text: text(.agendaTasksHeading)))
        section.agendaItems += agenda.tasks.map { .init(label: name($0.dimension), text: AreaReportBuilder.oneLine($0.text)) }
      }
      if !agenda.actions.isEmpty {
        section.agendaItems.append(.init(label: "", text: text(.agendaActionsHeading)))
        section.agendaItems += agenda.actions.map { action in
          .init(label: name(action.dimension), text: AreaReportBuilder.oneLine(action.line(language) + (action.note.isEmpty ? "" : " – " + action.note)))
        }
      }
    }
    return section
  }
}

extension String {
  var capitalizedFirstLetter: String { prefix(1).uppercased() + dropFirst() }
}
