import CGLPK

/// A linear program over non-negative variables with two-sided row bounds, solved with GLPK's simplex
/// method for the smallest and largest value of any linear objective (the constraints are loaded once).
public final class LinearProgram {
  public struct Row {
    public var coefficients: [Int: Double]
    public var low: Double
    public var high: Double
    public init(_ coefficients: [Int: Double], low: Double, high: Double) {
      self.coefficients = coefficients
      self.low = low
      self.high = high
    }
  }

  private let problem: OpaquePointer
  private let columns: Int

  public init(columns: Int, rows: [Row]) {
    self.columns = columns
    problem = glp_create_prob()
    glp_term_out(GLP_OFF)
    glp_add_cols(problem, Int32(columns))
    for column in 1 ... max(columns, 1) where column <= columns { glp_set_col_bnds(problem, Int32(column), GLP_LO, 0, 0) }
    if !rows.isEmpty { glp_add_rows(problem, Int32(rows.count)) }
    var rowIndex: [Int32] = [0]
    var columnIndex: [Int32] = [0]
    var values: [Double] = [0]
    for (number, row) in rows.enumerated() {
      let kind: Int32
      switch (row.low.isFinite, row.high.isFinite) {
      case (true, true): kind = row.low == row.high ? GLP_FX : GLP_DB
      case (true, false): kind = GLP_LO
      case (false, true): kind = GLP_UP
      case (false, false): kind = GLP_FR
      }
      glp_set_row_bnds(problem, Int32(number + 1), kind, row.low.isFinite ? row.low : 0, row.high.isFinite ? row.high : 0)
      for (column, value) in row.coefficients where value != 0 {
        rowIndex.append(Int32(number + 1))
        columnIndex.append(Int32(column + 1))
        values.append(value)
      }
    }
    glp_load_matrix(problem, Int32(values.count - 1), &rowIndex, &columnIndex, &values)
  }

  deinit { glp_delete_prob(problem) }

  /// The smallest and largest value of `objective` over the feasible set; nil when there is none (or the
  /// solver fails).
  public func bounds(of objective: [Int: Double]) -> (low: Double, high: Double)? {
    for column in 1 ... max(columns, 1) where column <= columns { glp_set_obj_coef(problem, Int32(column), 0) }
    for (column, value) in objective { glp_set_obj_coef(problem, Int32(column + 1), value) }
    var parameters = glp_smcp()
    glp_init_smcp(&parameters)
    parameters.msg_lev = GLP_MSG_OFF
    var found: [Double] = []
    for direction in [GLP_MIN, GLP_MAX] {
      glp_set_obj_dir(problem, direction)
      guard glp_simplex(problem, &parameters) == 0, glp_get_status(problem) == GLP_OPT else { return nil }
      found.append(glp_get_obj_val(problem))
    }
    return (found[0], found[1])
  }
}
