extension Questionnaire {
  /// Visits every text of the questionnaire with a stable path (`title`, `item.h-lf-1`,
  /// `item.h-lf-1.low`, `dimension.meedoen`, `topic.meedoen.2`, ...), letting `visit` change it.
  /// Translations for further languages are keyed by these paths (see `LanguagePack`).
  public mutating func visitTexts(_ visit: (String, inout LocalizedText) -> Void) {
    visit("title", &title)
    if var text = basedOn {
      visit("based_on", &text)
      basedOn = text
    }
    visit("consent", &consent)
    for index in dimensions.indices { visit("dimension.\(dimensions[index].dimension.key)", &dimensions[index].name) }
    for q in demographics.indices {
      let id = demographics[q].id
      visit("question.\(id)", &demographics[q].question)
      for c in demographics[q].choices.indices {
        visit("question.\(id).\(demographics[q].choices[c].id)", &demographics[q].choices[c].label)
      }
    }
    for p in parts.indices {
      let id = parts[p].id
      visit("part.\(id)", &parts[p].title)
      if var intro = parts[p].intro {
        visit("part.\(id).intro", &intro)
        parts[p].intro = intro
      }
      for i in parts[p].items.indices {
        let itemID = parts[p].items[i].id
        visit("item.\(itemID)", &parts[p].items[i].text)
        if var aspect = parts[p].items[i].aspect {
          visit("item.\(itemID).aspect", &aspect)
          parts[p].items[i].aspect = aspect
        }
        visit("item.\(itemID).low", &parts[p].items[i].scale.low)
        visit("item.\(itemID).high", &parts[p].items[i].scale.high)
      }
    }
    for r in reflection.indices { visit("reflection.\(reflection[r].id)", &reflection[r].prompt) }
    for dimension in topics.keys.sorted(by: { $0.key < $1.key }) {
      guard var list = topics[dimension] else { continue }
      for t in list.indices { visit("topic.\(dimension.key).\(t + 1)", &list[t]) }
      topics[dimension] = list
    }
  }

  /// Every text with its path, in questionnaire order.
  public var texts: [(path: String, text: LocalizedText)] {
    var copy = self
    var result: [(String, LocalizedText)] = []
    copy.visitTexts { path, text in result.append((path, text)) }
    return result
  }

  /// This questionnaire with `language` added from `translations` (path to text); nil when a text is
  /// missing, so a resident never sees half a translation.
  public func adding(_ language: Language, translations: [String: String]) -> Questionnaire? {
    var copy = self
    var complete = true
    copy.visitTexts { path, text in
      if let translated = translations[path], !translated.isEmpty { text.texts[language] = translated } else { complete = false }
    }
    guard complete else { return nil }
    if !copy.languages.contains(language) { copy.languages.append(language) }
    return copy
  }
}
