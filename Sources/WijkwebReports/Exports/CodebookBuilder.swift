import WijkwebCore

/// Builds the codebook of a round's responses export from its questionnaire.
///
/// The columns, in order: `response_id`, `round`, `questionnaire_id`, `questionnaire_version`, the area
/// codes `gemeente`, `gebied`, `wijk`, `buurt` (numbers, see `Codebook.areaNumbers`), `completed_on`, one
/// column per question about the resident (its id; the choices as 1, 2, ..., -1 "zeg ik liever niet", -2
/// not answered), one per statement (its id made a valid name: `h-lf-1` is `h_lf_1`), one per part and
/// dimension score (`health_meedoen`), and with free text one per reflection prompt (`text_<prompt id>`).
public enum CodebookBuilder {
  /// - Parameters:
  ///   - areas: the area hierarchy, for value labels (area names) and the widths of the code columns.
  ///   - textWidths: with free text, the longest publishable text per prompt id in bytes; nil leaves the
  ///     text columns out.
  public static func build(questionnaire: Questionnaire, round: String, areas: [Area], textWidths: [String: Int]? = nil) -> Codebook {
    var names = VariableNames()
    var variables: [ExportVariable] = []
    func add(_ variable: ExportVariable) {
      var variable = variable
      variable.name = names.unique(variable.name)
      if variable.type == .string { variable.width = max(1, variable.width) }
      variables.append(variable)
    }
    func both(_ text: LocalizedText) -> ExportText { ExportText(nl: text.text(.dutch), en: text.text(.english)) }

    add(ExportVariable(name: "response_id", kind: .id, type: .string,
                       label: ExportText(nl: "Pseudoniem van het interview (willekeurig id)", en: "Pseudonym of the interview (random id)"),
                       width: 36))
    add(ExportVariable(name: "round", kind: .round, type: .string, label: ExportText(nl: "Ronde", en: "Round"), width: round.utf8.count))
    add(ExportVariable(name: "questionnaire_id", kind: .questionnaire, type: .string,
                       label: ExportText(nl: "Vragenlijst", en: "Questionnaire"), width: questionnaire.id.utf8.count))
    add(ExportVariable(name: "questionnaire_version", kind: .version, type: .integer,
                       label: ExportText(nl: "Versie van de vragenlijst", en: "Version of the questionnaire")))
    // The level names of the report (one set: gemeente = municipality, gebied = area, wijk = district,
    // buurt = neighbourhood, as CBS translates wijk and buurt).
    let areaLabels = Dictionary(uniqueKeysWithValues: Codebook.areaLevels.map { level in
      (level, ExportText(nl: level.name(in: .dutch).capitalizedFirst + " (code)",
                         en: level.name(in: .english).capitalizedFirst + " (\(level.rawValue), code)"))
    })
    for level in Codebook.areaLevels {
      let ofLevel = areas.filter { $0.level == level }.sorted { $0.code < $1.code }
      let numbers = Codebook.areaNumbers(ofLevel.map(\.code))
      let labels = ofLevel.compactMap { area in
        numbers[area.code].map { ValueLabel(code: String($0), label: ExportText(nl: area.code + " " + area.name, en: area.code + " " + area.name)) }
      }
      add(ExportVariable(
        name: level.rawValue, kind: .area, type: .integer, label: areaLabels[level] ?? ExportText(nl: level.rawValue, en: level.rawValue),
        valueLabels: labels + [Codebook.areaNotGivenLabel], missingValues: [Codebook.notAnsweredCode]))
    }
    add(ExportVariable(name: "completed_on", kind: .date, type: .date,
                       label: ExportText(nl: "Datum van afronding (dag)", en: "Date completed (day)"), width: 10))

    for question in questionnaire.demographics {
      // Codes 1, 2, ... in the questionnaire's order of the choices; -1 and -2 are user-missing.
      let choices = question.choices.enumerated().map { ValueLabel(code: String($0.offset + 1), label: both($0.element.label)) }
      let missing = (question.preferNotToSay ? [Codebook.preferNotToSayLabel] : []) + [Codebook.notAnsweredLabel]
      add(ExportVariable(
        name: question.id, kind: .demographic, type: .integer, label: both(question.question), text: both(question.question),
        source: question.id, valueLabels: choices + missing,
        missingValues: (question.preferNotToSay ? [Codebook.preferNotToSayCode] : []) + [Codebook.notAnsweredCode]))
    }

    let dontKnow = ValueLabel(code: String(Codebook.dontKnowCode),
                              label: ExportText(nl: "weet niet / niet van toepassing", en: "don't know / not applicable"))
    for part in questionnaire.parts {
      for item in part.items {
        let dimension = questionnaire.name(of: item.dimension)
        let label = item.aspect.map { aspect in
          ExportText(nl: dimension.text(.dutch) + ": " + aspect.text(.dutch), en: dimension.text(.english) + ": " + aspect.text(.english))
        } ?? both(item.text)
        var values = [
          ValueLabel(code: String(item.scale.min), label: both(item.scale.low)),
          ValueLabel(code: String(item.scale.max), label: both(item.scale.high)),
        ]
        if item.scale.dontKnow { values.append(dontKnow) }
        add(ExportVariable(
          name: item.id, kind: .item, type: .integer, label: label, text: both(item.text), part: part.id,
          dimension: item.dimension.key, source: item.id, valueLabels: values,
          missingValues: item.scale.dontKnow ? [Codebook.dontKnowCode] : []))
      }
    }
    for part in questionnaire.parts {
      for dimension in questionnaire.dimensionOrder {
        let name = questionnaire.name(of: dimension)
        add(ExportVariable(
          name: part.id + "_" + dimension.key, kind: .score, type: .decimal,
          label: ExportText(nl: "Score \(name.text(.dutch)) (\(part.title.text(.dutch)))",
                            en: "Score \(name.text(.english)) (\(part.title.text(.english)))"),
          part: part.id, dimension: dimension.key))
      }
    }
    if let textWidths {
      // Every dimension key joined by commas: the widest a tags value can be.
      let tagsWidth = Dimension.allCases.map(\.key).joined(separator: ",").utf8.count
      func tags(of name: String, source: String, label: ExportText, part: String?) {
        add(ExportVariable(
          name: "tags_" + name, kind: .tags, type: .string,
          label: ExportText(nl: "Dimensies (review) bij " + label.nl, en: "Dimensions (review) of " + label.en),
          part: part, source: source, width: tagsWidth))
      }
      for prompt in questionnaire.reflection {
        let label = ExportText(nl: "Reflectie: " + prompt.prompt.text(.dutch), en: "Reflection: " + prompt.prompt.text(.english))
        add(ExportVariable(
          name: "text_" + prompt.id, kind: .text, type: .string, label: label,
          text: both(prompt.prompt), part: prompt.partID, source: prompt.id, width: textWidths[prompt.id] ?? 1))
        tags(of: prompt.id, source: prompt.id, label: label, part: prompt.partID)
      }
      // The dialogue answers about the dimensions marked on the web: a column for each that has a
      // publishable answer in the round, in the questionnaire's order.
      for part in questionnaire.parts {
        for dimension in questionnaire.dimensionOrder {
          for question in 0 ..< InterviewState.dialogueQuestions {
            let id = InterviewState.dialogueID(partID: part.id, dimension: dimension, question: question)
            guard let width = textWidths[id] else { continue }
            let name = questionnaire.name(of: dimension)
            let label = ExportText(
              nl: "Gesprek \(name.text(.dutch)) (\(part.title.text(.dutch))), vraag \(question + 1)",
              en: "Dialogue \(name.text(.english)) (\(part.title.text(.english))), question \(question + 1)")
            let variable = "dialogue_\(part.id)_\(dimension.key)_\(question + 1)"
            add(ExportVariable(
              name: variable, kind: .text, type: .string, label: label,
              text: ExportText(nl: InterviewState.dialogueQuestion(question, dimension: name.text(.dutch), language: .dutch),
                               en: InterviewState.dialogueQuestion(question, dimension: name.text(.english), language: .english)),
              part: part.id, dimension: dimension.key, source: id, width: width))
            tags(of: variable, source: id, label: label, part: part.id)
          }
        }
      }
    }
    return Codebook(
      round: round, questionnaireID: questionnaire.id, questionnaireVersion: questionnaire.version,
      questionnaireHash: questionnaire.contentHash, questionnaireTitle: both(questionnaire.title), variables: variables,
      notes: notes(questionnaire: questionnaire, round: round))
  }

  /// The notes every format carries (see `Codebook.notes`).
  static func notes(questionnaire: Questionnaire, round: String) -> [CodebookNote] {
    let percent = Int((questionnaire.scoring.minAnsweredShare * 100).rounded())
    let levels = Codebook.areaLevels.map { "\($0.rawValue) = \($0.name(in: .english))" }.joined(separator: ", ")
    return [
      CodebookNote(key: "questionnaire", text: ExportText(
        nl: "Ronde \(round); vragenlijst \(questionnaire.id), versie \(questionnaire.version), SHA-256 van het bestand \(questionnaire.contentHash).",
        en: "Round \(round); questionnaire \(questionnaire.id), version \(questionnaire.version), SHA-256 of its file \(questionnaire.contentHash).")),
      CodebookNote(key: "scoring", text: ExportText(
        nl: "Dimensiescore (kolommen deel_dimensie): het gemiddelde van de beantwoorde stellingen van die dimensie in dat deel (0-10). "
          + "99 (weet niet / niet van toepassing) en niet beantwoorde stellingen tellen niet mee. "
          + "Leeg wanneer minder dan \(percent)% van de stellingen van de dimensie is beantwoord.",
        en: "Dimension score (columns part_dimension): the mean of the answered statements of that dimension in that part (0-10). "
          + "99 (don't know / not applicable) and unanswered statements are left out. "
          + "Empty when fewer than \(percent)% of the dimension's statements were answered.")),
      CodebookNote(key: "missing_codes", text: ExportText(
        nl: "\(Codebook.dontKnowCode) = weet niet / niet van toepassing (stellingen); \(Codebook.preferNotToSayCode) = zeg ik liever niet "
          + "(vragen over de bewoner); \(Codebook.notAnsweredCode) = niet beantwoord (vragen over de bewoner) of gebiedsniveau niet opgegeven; "
          + "leeg = geen antwoord, geen score of geen publiceerbare tekst. In SPSS zijn deze codes user-missing.",
        en: "\(Codebook.dontKnowCode) = don't know / not applicable (statements); \(Codebook.preferNotToSayCode) = prefer not to say "
          + "(questions about the resident); \(Codebook.notAnsweredCode) = not answered (questions about the resident) or area level not given; "
          + "empty = no answer, no score or no publishable text. In SPSS these codes are user-missing.")),
      CodebookNote(key: "areas", text: ExportText(
        nl: "Gebiedsniveaus: \(Codebook.areaLevels.map { "\($0.rawValue) = \($0.name(in: .english))" }.joined(separator: ", ")). "
          + "Een gebied is het getal in zijn CBS-code (WK001411 = 1411), of zijn volgnummer wanneer de codes zulke getallen niet hebben; "
          + "het waardelabel noemt code en naam.",
        en: "Area levels: \(levels). An area is the number in its CBS code (WK001411 = 1411), or its position when the codes have no "
          + "such numbers; the value label gives code and name.")),
      CodebookNote(key: "methods", text: ExportText(
        nl: "Profielen (wijkweb profile, export profiles): mediaan en kwartielen lineair geïnterpoleerd (Hyndman & Fan type 7); "
          + "95%-betrouwbaarheidsinterval van het gemiddelde met de t-verdeling: gemiddelde ± t(0,975; n-1) · sd / √n; "
          + "gewogen met Kish' effectieve steekproefgrootte. Gewogen percentielen: elke deelnemer staat midden in zijn deel van het "
          + "totale gewicht, lineair geïnterpoleerd daartussen (bij gelijke gewichten weer type 7). "
          + "Groepen kleiner dan de minimumgrootte worden niet getoond. Onthullingsbeheer (cell-key-methode, Docs/disclosure.md): "
          + "een getoond cijfer beschrijft minstens het minimum aantal deelnemers; n wijkt tot 2 af van het echte aantal, het "
          + "gemiddelde tot 10/n (gewogen: 10 × het grootste gewicht / het totale gewicht); de standaardafwijking is exact, mediaan "
          + "en kwartielen afgerond op 0,1. Cijfers van verschillende tabellen tellen niet precies op; optellen of aftrekken geeft "
          + "ruis, niet de omvang of het gemiddelde van een kleinere groep; de betrouwbaarheidsintervallen bevatten de ruis niet. "
          + "Vergelijkingen (Welch): t.o.v. gemeente = het gebied tegen de rest van zijn gemeente; t.o.v. bovenliggend gebied = "
          + "het gebied tegen de rest van dat gebied (geneste steekproeven); t.o.v. vorige ronde = tegen de gepubliceerde cijfers "
          + "van die ronde, met haar eigen minimum.",
        en: "Profiles (wijkweb profile, export profiles): median and quartiles interpolated linearly (Hyndman & Fan type 7); "
          + "95% confidence interval of the mean from the t distribution: mean ± t(0.975, n-1) · sd / √n; "
          + "weighted with Kish's effective sample size. Weighted percentiles: each respondent sits in the middle of its share of the "
          + "total weight, interpolated linearly in between (with equal weights, type 7 again). "
          + "Groups below the minimum size are not shown. Disclosure control (cell-key method, Docs/disclosure.md): a shown "
          + "figure describes at least the minimum number of respondents; its n is within 2 of the true number, its mean within "
          + "10/n (weighted: 10 × the largest weight / the total weight); the standard deviation is exact, median and quartiles "
          + "are rounded to 0.1. Figures of different tables need not add up; adding or subtracting them gives noise, not the "
          + "size or mean of a smaller group; the confidence intervals do not include the noise. Comparisons (Welch): vs "
          + "municipality = the area against the rest of its municipality; vs parent = the area against the rest of its parent "
          + "area (nested samples); vs previous round = against that round's published figures, under its own minimum.")),
      CodebookNote(key: "csv_formulas", text: ExportText(
        nl: "CSV: een tekstveld dat begint met =, +, -, @, een tab of een regelterugloop krijgt een ' ervoor (OWASP), zodat een "
          + "spreadsheet het niet als formule uitvoert. XLSX, SAV en JSON bewaren de tekst zoals hij is.",
        en: "CSV: a text field that starts with =, +, -, @, a tab or a carriage return gets a ' in front (OWASP), so that a "
          + "spreadsheet does not run it as a formula. XLSX, SAV and JSON keep the text as it is.")),
    ]
  }
}
