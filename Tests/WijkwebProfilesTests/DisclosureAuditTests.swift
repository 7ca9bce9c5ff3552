import Testing
@testable import WijkwebCore
@testable import WijkwebProfiles

/// The coordinator's attack finds what exact figures give away, and nothing in the protected publication.
@Suite struct DisclosureAuditTests {
  static let areas = [
    Area(code: "G", level: .gemeente, name: "G", parentCode: nil),
    Area(code: "A", level: .gebied, name: "A", parentCode: "G"),
    Area(code: "A1", level: .wijk, name: "A1", parentCode: "A"),
    Area(code: "A2", level: .wijk, name: "A2", parentCode: "A"),
    Area(code: "B", level: .gebied, name: "B", parentCode: "G"),
  ]

  /// A1 has 12 respondents, A2 3, B 20; each says man or vrouw.
  /// `dimension` nil: the attack on the numbers of respondents (everyone answered lichaamsfuncties, so the
  /// respondents are the same groups).
  static func audit(protection: Profile.Protection, dimension: Dimension? = .lichaamsfuncties) -> DisclosureAudit.Result {
    let tree = AreaTree(areas: areas)
    var plain = ProfileAggregator(tree: tree, partIDs: ["p"])
    var bySex = ProfileAggregator(tree: tree, partIDs: ["p"], categories: ["man", "vrouw"])
    var truth: [DisclosureAudit.Group: DisclosureAudit.Truth] = [:]
    var id = 0
    for (code, count) in [("A1", 12), ("A2", 3), ("B", 20)] {
      for index in 0 ..< count {
        id += 1
        let sex = index % 2 == 0 ? "man" : "vrouw"
        let score = Double((index * 7) % 11)
        let key = CellKey.recordKey(responseID: "r\(id)")
        let scores: [Double?] = [score, nil, nil, nil, nil, nil]
        plain.add(areaCode: code, partID: "p", scores: scores, category: nil, recordKey: key)
        bySex.add(areaCode: code, partID: "p", scores: scores, category: sex, recordKey: key)
        truth[DisclosureAudit.Group(area: code, breakdown: "sex", category: sex), default: .init()].count += 1
        truth[DisclosureAudit.Group(area: code, breakdown: "sex", category: sex), default: .init()].sum += score
      }
    }
    let rule = SuppressionRule(minimumGroupSize: 10)
    let profiles = [
      "": Profile.build(totals: plain.rolledUp(), previous: nil, rule: rule, previousRule: nil, breakdown: nil, weighted: false,
                        protection: protection),
      "sex": Profile.build(totals: bySex.rolledUp(), previous: nil, rule: rule, previousRule: nil, breakdown: "sex", weighted: false,
                           protection: protection),
    ]
    return DisclosureAudit.run(tree: tree, profiles: profiles, truth: ["p": [dimension: truth]],
                              slack: protection == .exact ? DisclosureAudit.Slack(count: 0, sum: 1e-9) : .cellKey)
  }

  @Test func exactFiguresGiveAwayTheSmallWijkBySubtraction() {
    // A's men (8) are hidden, but A (15) minus A's women (7) shows them exactly, with their mean. (A minus
    // A1 is A2 plus anyone recorded in A itself, which the attacker cannot tell apart.)
    let result = Self.audit(protection: .exact)
    #expect(result.groupsChecked > 0)
    #expect(result.findings.contains { $0.group.hasPrefix("A/sex=man") && $0.detail.contains("pinned") }, "\(result.findings) \(result.groupsChecked)")
  }

  @Test func theProtectedPublicationGivesNothingAway() {
    let result = Self.audit(protection: .cellKey)
    #expect(result.groupsChecked > 0)
    #expect(result.findings.isEmpty, "\(result.findings)")
  }

  /// The numbers of respondents are published cells too: exact, they give A's 8 men away by subtraction;
  /// protected by the cell key, they do not.
  @Test func theRespondentsCountsAreAttackedToo() {
    let exact = Self.audit(protection: .exact, dimension: nil)
    #expect(exact.findings.contains { $0.dimension == nil && $0.group.hasPrefix("A/sex=man") && $0.detail.contains("pinned") }, "\(exact.findings)")
    #expect(exact.findings.allSatisfy { $0.dimension == nil } && exact.findings.first?.description.contains("p/respondents") == true)
    let protected = Self.audit(protection: .cellKey, dimension: nil)
    #expect(protected.groupsChecked > 0 && protected.findings.isEmpty, "\(protected.findings)")
  }

  /// `disclosure-check --language nl` says its findings in Dutch: what was found, and "respondenten".
  @Test func theFindingsAreSaidInTheLanguageAsked() throws {
    let exact = Self.audit(protection: .exact, dimension: nil)
    let finding = try #require(exact.findings.first { $0.detail.contains("pinned") }, "\(exact.findings)")
    let dutch = finding.text(.dutch)
    #expect(dutch.hasPrefix("p/respondenten: A/sex=man") && dutch.contains(": n = 8 vastgepind op "), "\(dutch)")
    #expect(!dutch.contains("pinned") && !dutch.contains("respondents"), "\(dutch)")
    #expect(finding.text(.english).contains(": n = 8 pinned down to ") && finding.description == finding.text(.english))
    let hidden = DisclosureAudit.Finding(partID: "p", dimension: .meedoen, group: "A/-=-", hidden: true,
                                         finding: LocalizedMessage(.disclosureMeanBounded))
    #expect(hidden.text(.dutch) == "p/meedoen: A/-=- (verborgen): gemiddelde begrensd tot binnen ±0,5")
    #expect(hidden.text(.english) == "p/meedoen: A/-=- (hidden): mean bounded to within ±0.5")
  }

  @Test func boundsOfASmallProgram() throws {
    // x + y = 10, x - y within [2, 4]: x in [6, 7].
    let program = LinearProgram(columns: 2, rows: [.init([0: 1, 1: 1], low: 10, high: 10), .init([0: 1, 1: -1], low: 2, high: 4)])
    let bounds = try #require(program.bounds(of: [0: 1]))
    #expect(abs(bounds.low - 6) < 1e-9 && abs(bounds.high - 7) < 1e-9)
    #expect(LinearProgram(columns: 1, rows: [.init([0: 1], low: -.infinity, high: -1)]).bounds(of: [0: 1]) == nil, "infeasible")
  }
}
