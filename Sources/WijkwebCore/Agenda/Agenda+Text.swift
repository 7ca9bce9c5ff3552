extension Recognition {
  /// The word shown for it.
  public func text(_ language: Language) -> String {
    switch self {
    case .ja: return UIString.agendaRecognitionJa.text(language)
    case .deels: return UIString.agendaRecognitionDeels.text(language)
    case .nee: return UIString.agendaRecognitionNee.text(language)
    }
  }
}

extension ActionStatus {
  /// The word shown for it.
  public func text(_ language: Language) -> String {
    switch self {
    case .open: return UIString.agendaStatusOpen.text(language)
    case .bezig: return UIString.agendaStatusBezig.text(language)
    case .klaar: return UIString.agendaStatusKlaar.text(language)
    case .vervallen: return UIString.agendaStatusVervallen.text(language)
    }
  }
}

extension AgendaAction {
  /// "what – who, vóór day (status)".
  public func line(_ language: Language) -> String {
    UIString.agendaActionLine.format(language, what, who, due, status.text(language))
  }
}

extension Floor {
  /// "ondergrens 5,5, afgesproken door group op day"; the value with a decimal comma in Dutch.
  public func line(_ language: Language) -> String {
    UIString.agendaFloorLine.format(language, Floor.number(value, language), agreedBy, agreedOn)
  }

  /// A score with one decimal, `5,5` in Dutch and `5.5` otherwise.
  public static func number(_ value: Double, _ language: Language) -> String {
    let text = String(format1: value)
    return language == .dutch ? text.replacingAll(".", with: ",") : text
  }
}
