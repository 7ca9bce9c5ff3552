/// The tables of the wijkagenda (migration "v10-agenda"): what a gebiedsteam recorded after a
/// wijkdialoog, per area and round, and the ondergrens per area and dimension. Area codes are not foreign
/// keys: an area list can be imported again, and the agenda of an area stays. Every row carries the time
/// of its last change; each change is also in the audit log.
enum AgendaSchema {
  static let dimensions = "'lichaamsfuncties', 'mentaal_welbevinden', 'zingeving', 'kwaliteit_van_leven', 'meedoen', 'dagelijks_functioneren'"

  static let sql = """
    CREATE TABLE agenda_recognitions (
      area_code TEXT NOT NULL,
      round_id INTEGER NOT NULL REFERENCES rounds(id),
      dimension TEXT NOT NULL CHECK (dimension IN (\(dimensions))),
      recognition TEXT NOT NULL CHECK (recognition IN ('ja', 'deels', 'nee')),
      note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
      changed_at TEXT NOT NULL,
      PRIMARY KEY (area_code, round_id, dimension)
    ) WITHOUT ROWID;
    CREATE TABLE agenda_tasks (
      id INTEGER PRIMARY KEY,
      area_code TEXT NOT NULL,
      round_id INTEGER NOT NULL REFERENCES rounds(id),
      dimension TEXT NOT NULL CHECK (dimension IN (\(dimensions))),
      text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
      created_at TEXT NOT NULL,
      changed_at TEXT NOT NULL
    );
    CREATE INDEX agenda_tasks_by_area ON agenda_tasks(area_code, round_id);
    CREATE TABLE agenda_actions (
      id INTEGER PRIMARY KEY,
      area_code TEXT NOT NULL,
      round_id INTEGER NOT NULL REFERENCES rounds(id),
      dimension TEXT NOT NULL CHECK (dimension IN (\(dimensions))),
      what TEXT NOT NULL CHECK (length(what) BETWEEN 1 AND 1000),
      who TEXT NOT NULL CHECK (length(who) BETWEEN 1 AND 120),
      due_on TEXT NOT NULL,
      status TEXT NOT NULL CHECK (status IN ('open', 'bezig', 'klaar', 'vervallen')),
      note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
      created_at TEXT NOT NULL,
      changed_at TEXT NOT NULL
    );
    CREATE INDEX agenda_actions_by_area ON agenda_actions(area_code, round_id);
    CREATE TABLE agenda_floors (
      area_code TEXT NOT NULL,
      dimension TEXT NOT NULL CHECK (dimension IN (\(dimensions))),
      value REAL NOT NULL CHECK (value BETWEEN 0 AND 10),
      agreed_by TEXT NOT NULL CHECK (length(agreed_by) BETWEEN 1 AND 120),
      agreed_on TEXT NOT NULL,
      changed_at TEXT NOT NULL,
      PRIMARY KEY (area_code, dimension)
    ) WITHOUT ROWID;
    """
}
