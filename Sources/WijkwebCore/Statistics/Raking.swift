/// Survey weights by raking (iterative proportional fitting) to known population margins.
public enum Raking {
  /// Weights that make the weighted respondents match the population on every variable at once.
  ///
  /// `categories[v][i]` is respondent i's category of variable v (say v = 0 sex, v = 1 age band) and
  /// `margins[v][c]` the population of category c of variable v. Starting from weight 1, the weights are
  /// scaled variable by variable until every weighted category total is within `tolerance` × population of
  /// its margin, or `maxIterations` rounds have passed (the weights reached are then returned). The
  /// weights sum to the population, Σ margins[0]; when another variable's margins add up to a different
  /// total (rounded statistics), they are first scaled to that total. Respondents in a category with
  /// population 0 get weight 0.
  ///
  /// Nil when a category with population above 0 has no respondents (the caller should report which),
  /// and for unusable input: no variables' counts matching, a category index outside its margins,
  /// margins that are negative, not finite or add up to 0.
  public static func weights(
    categories: [[Int]], margins: [[Double]], maxIterations: Int = 100, tolerance: Double = 1e-9
  ) -> [Double]? {
    guard categories.count == margins.count, let respondents = categories.first?.count else { return nil }
    guard categories.allSatisfy({ $0.count == respondents }) else { return nil }
    guard let population = margins.first?.reduce(0, +), population > 0, population.isFinite else { return nil }
    var targets: [[Double]] = []
    for (variable, margin) in margins.enumerated() {
      guard margin.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
      let total = margin.reduce(0, +)
      guard total > 0 else { return nil }
      var counts = [Int](repeating: 0, count: margin.count)
      for category in categories[variable] {
        guard margin.indices.contains(category) else { return nil }
        counts[category] += 1
      }
      guard zip(margin, counts).allSatisfy({ $0.0 == 0 || $0.1 > 0 }) else { return nil }
      targets.append(variable == 0 ? margin : margin.map { $0 * population / total })
    }

    var weights = [Double](repeating: 1, count: respondents)
    func totals(_ variable: Int) -> [Double] {
      var sums = [Double](repeating: 0, count: targets[variable].count)
      for (respondent, category) in categories[variable].enumerated() { sums[category] += weights[respondent] }
      return sums
    }
    for _ in 0 ..< max(1, maxIterations) {
      for variable in targets.indices {
        let factors = zip(targets[variable], totals(variable)).map { target, sum in sum > 0 ? target / sum : 0 }
        for (respondent, category) in categories[variable].enumerated() { weights[respondent] *= factors[category] }
      }
      let deviation = targets.indices.map { variable in
        zip(targets[variable], totals(variable)).map { abs($0 - $1) }.max() ?? 0
      }.max() ?? 0
      if deviation <= tolerance * population { break }
    }
    let sum = weights.reduce(0, +)
    guard sum > 0 else { return nil }
    return weights.map { $0 * population / sum }
  }

  /// Kish's effective sample size (Σw)² / Σw²: the number of unweighted respondents that would give the
  /// same precision; 0 for no (or only zero) weights.
  public static func effectiveSampleSize(_ weights: [Double]) -> Double {
    let squares = weights.reduce(0) { $0 + $1 * $1 }
    guard squares > 0 else { return 0 }
    let sum = weights.reduce(0, +)
    return sum * sum / squares
  }
}
