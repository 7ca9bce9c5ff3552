import GRDB
import Foundation
import WijkwebCore

/// The database schema, one migration per version. Every later version adds a migration here; the
/// migrator carries any earlier database forward, and a database from a newer program is refused.
enum Schema {
  static func migrator() -> DatabaseMigrator {
    var migrator = DatabaseMigrator()
    migrator.registerMigration("v1") { db in
      try db.execute(sql: """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

        CREATE TABLE areas (
          code TEXT PRIMARY KEY,
          level TEXT NOT NULL CHECK (level IN ('gemeente', 'gebied', 'wijk', 'buurt')),
          name TEXT NOT NULL,
          parent_code TEXT REFERENCES areas(code),
          aliases TEXT NOT NULL DEFAULT ''
        ) WITHOUT ROWID;

        CREATE TABLE questionnaires (
          content_hash TEXT PRIMARY KEY,
          id TEXT NOT NULL,
          version INTEGER NOT NULL,
          source TEXT NOT NULL,
          installed_at TEXT NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE rounds (
          id INTEGER PRIMARY KEY,
          name TEXT NOT NULL UNIQUE,
          questionnaire_hash TEXT NOT NULL REFERENCES questionnaires(content_hash),
          area_set TEXT NOT NULL,
          starts_on TEXT NOT NULL,
          ends_on TEXT NOT NULL,
          min_group_size INTEGER NOT NULL DEFAULT 10 CHECK (min_group_size >= 5),
          retention_days INTEGER NOT NULL DEFAULT 730,
          status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
          created_at TEXT NOT NULL
        );

        -- `key` orders responses as they were stored (appends stay cheap at a million rows); `id` is the
        -- response's identity everywhere else (bundles, exports).
        CREATE TABLE responses (
          key INTEGER PRIMARY KEY,
          id TEXT NOT NULL UNIQUE,
          round_id INTEGER NOT NULL REFERENCES rounds(id),
          questionnaire_id TEXT NOT NULL,
          questionnaire_version INTEGER NOT NULL,
          questionnaire_hash TEXT NOT NULL,
          device_id TEXT NOT NULL,
          volunteer_code TEXT NOT NULL,
          language TEXT NOT NULL,
          area_code TEXT REFERENCES areas(code),
          status TEXT NOT NULL CHECK (status IN ('in_progress', 'completed')),
          position TEXT,
          started_at TEXT NOT NULL,
          completed_at TEXT,
          receipt_code TEXT UNIQUE,
          -- Filled at completion (AnswerCodec): then the per-statement rows below are removed.
          packed_answers TEXT,
          packed_demographics TEXT
        );
        CREATE INDEX responses_by_round_area ON responses(round_id, status, area_code);

        -- Answers of interviews in progress, one row per statement, written as each is confirmed.
        CREATE TABLE answers (
          response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
          item_id TEXT NOT NULL,
          value INTEGER,
          answered_at TEXT NOT NULL,
          PRIMARY KEY (response_id, item_id)
        ) WITHOUT ROWID;

        CREATE TABLE demographics (
          response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
          question_id TEXT NOT NULL,
          choice_id TEXT,
          PRIMARY KEY (response_id, question_id)
        ) WITHOUT ROWID;

        CREATE TABLE reflections (
          response_id TEXT NOT NULL REFERENCES responses(id) ON DELETE CASCADE,
          prompt_id TEXT NOT NULL,
          text TEXT NOT NULL,
          -- unreviewed | publishable | not_publishable | publishable_edited (see v3)
          review_status TEXT NOT NULL DEFAULT 'unreviewed',
          PRIMARY KEY (response_id, prompt_id)
        ) WITHOUT ROWID;

        -- One row per completed response and part: the six dimension scores, materialised at completion,
        -- with the round and area copied in so profiles aggregate in one pass over one table.
        CREATE TABLE part_scores (
          round_id INTEGER NOT NULL,
          response_key INTEGER NOT NULL REFERENCES responses(key) ON DELETE CASCADE,
          part_id TEXT NOT NULL,
          area_code TEXT,
          lichaamsfuncties REAL,
          mentaal_welbevinden REAL,
          zingeving REAL,
          kwaliteit_van_leven REAL,
          meedoen REAL,
          dagelijks_functioneren REAL,
          PRIMARY KEY (round_id, response_key, part_id)
        ) WITHOUT ROWID;
        CREATE INDEX part_scores_by_response ON part_scores(response_key);
        """)
      try db.execute(sql: "INSERT INTO meta (key, value) VALUES ('device_id', ?)", arguments: [UUID().uuidString.lowercased()])
    }
    migrator.registerMigration("v2") { db in
      try db.execute(sql: """
        -- A withdrawn response leaves only this: its id, so the withdrawal travels in bundles and removes
        -- copies merged elsewhere. No content.
        CREATE TABLE tombstones (
          response_id TEXT PRIMARY KEY,
          withdrawn_at TEXT NOT NULL,
          device_id TEXT NOT NULL
        ) WITHOUT ROWID;

        -- What was done with the data: exports, imports, withdrawals, purges, reviews, backups.
        CREATE TABLE audit (
          id INTEGER PRIMARY KEY,
          at TEXT NOT NULL,
          device_id TEXT NOT NULL,
          actor TEXT NOT NULL,
          action TEXT NOT NULL,
          detail TEXT NOT NULL DEFAULT ''
        );
        """)
    }
    migrator.registerMigration("v3") { db in
      try db.execute(sql: """
        -- Review of free text by the gebiedsteam: a status, an optional redacted copy (the original is kept
        -- only until the round's retention ends), the dimensions a quote belongs to, who and when.
        ALTER TABLE reflections ADD COLUMN redacted_text TEXT;
        ALTER TABLE reflections ADD COLUMN dimensions TEXT NOT NULL DEFAULT '';
        ALTER TABLE reflections ADD COLUMN reviewed_at TEXT;
        ALTER TABLE reflections ADD COLUMN reviewer TEXT;
        """)
    }
    migrator.registerMigration("v4-population") { db in
      try db.execute(sql: """
        -- Population margins per area for weighting a round (CBS kerncijfers: by sex and by age band).
        CREATE TABLE population (
          round_id INTEGER NOT NULL REFERENCES rounds(id) ON DELETE CASCADE,
          area_code TEXT NOT NULL,
          men INTEGER NOT NULL,
          women INTEGER NOT NULL,
          age_15_24 INTEGER NOT NULL,
          age_25_44 INTEGER NOT NULL,
          age_45_64 INTEGER NOT NULL,
          age_65_plus INTEGER NOT NULL,
          PRIMARY KEY (round_id, area_code)
        ) WITHOUT ROWID;
        """)
    }
    migrator.registerMigration("v5-sealed") { db in
      try db.execute(sql: """
        -- A sealed round: completed responses are sealed to this public key (base64, libsodium crypto_box).
        ALTER TABLE rounds ADD COLUMN seal_public_key TEXT;
        -- A completed response of a sealed round: its answers, demographics, scores and reflections,
        -- sealed (crypto_box_seal of `SealedContent` JSON). Then packed_answers and packed_demographics are
        -- NULL and it has no part_scores or reflections rows until it is unsealed with the team key.
        ALTER TABLE responses ADD COLUMN sealed BLOB;
        """)
    }
    migrator.registerMigration("v5-in-progress-index") { db in
      try db.execute(sql: """
        -- Every start looks for an interrupted interview: without this index that scans every response
        -- (over 200 ms at a million). Only unfinished interviews are in it, so it stays tiny.
        CREATE INDEX responses_in_progress ON responses(started_at) WHERE status = 'in_progress';
        """)
    }
    migrator.registerMigration("v6-language-status") { db in
      try db.execute(sql: """
        -- Beside the language of a response, whether its texts were the program's own ('built-in': Dutch,
        -- English) or a language file's draft ('concept') or native-checked ('checked') translation.
        ALTER TABLE responses ADD COLUMN language_status TEXT;
        """)
    }
    migrator.registerMigration("v7-receipt-hash") { db in
      try db.execute(sql: """
        -- A receipt code is kept only as its locator (first group, to find the response) and an Argon2id
        -- hash with a salt of its own (`ReceiptHash`); receipt_code stays NULL from now on.
        ALTER TABLE responses ADD COLUMN receipt_locator TEXT;
        ALTER TABLE responses ADD COLUMN receipt_salt BLOB;
        ALTER TABLE responses ADD COLUMN receipt_hash BLOB;
        CREATE INDEX responses_by_receipt_locator ON responses(receipt_locator) WHERE receipt_locator IS NOT NULL;
        CREATE UNIQUE INDEX responses_by_receipt_hash ON responses(receipt_hash) WHERE receipt_hash IS NOT NULL;
        -- A withdrawal carries the receipt code that proved it, so every laptop can check it against its
        -- own copy of the hash. Withdrawals made before have none and stay on this laptop.
        ALTER TABLE tombstones ADD COLUMN receipt_code TEXT;
        -- A withdrawal of a response this database does not hold yet: checked and applied when the
        -- response arrives, never passed on before (`Store.maxPendingWithdrawals` at most).
        CREATE TABLE pending_withdrawals (
          response_id TEXT PRIMARY KEY,
          withdrawn_at TEXT NOT NULL,
          device_id TEXT NOT NULL,
          receipt_code TEXT NOT NULL
        ) WITHOUT ROWID;
        """)
      let rows = try Row.fetchAll(db, sql: "SELECT id, receipt_code FROM responses WHERE receipt_code IS NOT NULL")
      let coded = rows.map { row in (id: row["id"] as String, code: ReceiptCode.normalize(row["receipt_code"]) ?? row["receipt_code"]) }
      // About 20 ms per code on one core, so spread over every core: a thousand interviews take seconds.
      for (response, hash) in zip(coded, try ReceiptHash.many(coded.map(\.code))) {
        try db.execute(sql: """
          UPDATE responses SET receipt_locator = ?, receipt_salt = ?, receipt_hash = ?, receipt_code = NULL WHERE id = ?
          """, arguments: [hash.locator, Data(hash.salt), Data(hash.hash), response.id])
      }
    }
    migrator.registerMigration("v8-central-sent") { db in
      try db.execute(sql: """
        -- What `wijkweb sync` had confirmed by a central database (by its installation id): each response
        -- and withdrawal is sent until the server said it keeps it, and never again after that.
        CREATE TABLE central_sent (
          server TEXT NOT NULL,
          kind TEXT NOT NULL CHECK (kind IN ('response', 'withdrawal')),
          id TEXT NOT NULL,
          confirmed_at TEXT NOT NULL,
          PRIMARY KEY (server, kind, id)
        ) WITHOUT ROWID;
        """)
    }
    migrator.registerMigration("v9-reflection-personal-data") { db in
      try db.execute(sql: """
        -- 1 when the personal-data check flagged the text during the interview and it was kept anyway;
        -- the review shows it. A new text for the same prompt replaces the row and starts at 0 again.
        ALTER TABLE reflections ADD COLUMN personal_data INTEGER NOT NULL DEFAULT 0;
        """)
    }
    migrator.registerMigration("v10-agenda") { db in
      try db.execute(sql: AgendaSchema.sql)
    }
    migrator.registerMigration("v11-removed-after-sync") { db in
      try db.execute(sql: """
        -- Responses removed from this laptop after the central database confirmed keeping them
        -- (`sync --remove-sent`, or a round's remove_after_sync): only what withdrawing by receipt code
        -- needs, the id and the code's locator, salt and Argon2id hash. No answers, area or times.
        CREATE TABLE removed_after_sync (
          response_id TEXT PRIMARY KEY,
          receipt_locator TEXT NOT NULL,
          receipt_salt BLOB NOT NULL,
          receipt_hash BLOB NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX removed_after_sync_by_locator ON removed_after_sync (receipt_locator);
        -- 1: every sync removes this round's responses the central database confirmed.
        ALTER TABLE rounds ADD COLUMN remove_after_sync INTEGER NOT NULL DEFAULT 0;
        """)
    }
    migrator.registerMigration("v13-signing") { db in
      try db.execute(sql: """
        -- The team this machine belongs to: its public keys, and only for a laptop alone (a local team,
        -- made here) its secret keys, kept without passphrase in this owner-only file. Enrolling into a
        -- team replaces the row and drops the local secrets.
        CREATE TABLE team_identity (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          signing_public_key BLOB NOT NULL,
          seal_public_key BLOB NOT NULL,
          local_signing_secret BLOB,
          local_seal_secret BLOB,
          since TEXT NOT NULL
        );
        -- This machine's own Ed25519 key that signs its bundles, and the team's certificate for it.
        CREATE TABLE device_identity (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          public_key BLOB NOT NULL,
          secret_key BLOB NOT NULL,
          certificate TEXT
        );
        -- The team's latest signed revocation list (JSON of `RevocationList`).
        CREATE TABLE revocation_list (
          id INTEGER PRIMARY KEY CHECK (id = 1),
          version INTEGER NOT NULL,
          list TEXT NOT NULL
        );
        -- The team's signature over the round's definition (`RoundSignature`); NULL for rounds from before.
        ALTER TABLE rounds ADD COLUMN team_signature TEXT;
        """)
      try TrustSetup.makeLocalTeam(in: db)
    }
    migrator.registerMigration("v13b-record-signatures") { db in
      try db.execute(sql: """
        -- The signature (base64) of the device where a response was completed, or of the team when the
        -- team opened its content (record_signer 'device' or 'team'), over `RecordSignature.message`;
        -- it travels unchanged through every relay. NULL for records from before.
        ALTER TABLE responses ADD COLUMN record_signature TEXT;
        ALTER TABLE responses ADD COLUMN record_signer TEXT;
        -- The signature of the device that entered a withdrawal.
        ALTER TABLE tombstones ADD COLUMN record_signature TEXT;
        ALTER TABLE pending_withdrawals ADD COLUMN record_signature TEXT;
        -- The team's certificates of the devices whose records this machine holds (text of the certificate file).
        CREATE TABLE device_certificates (
          device_id TEXT NOT NULL,
          device_key BLOB NOT NULL,
          certificate TEXT NOT NULL,
          PRIMARY KEY (device_id, device_key)
        );
        """)
    }
    migrator.registerMigration("v14-monitor") { db in
      try db.execute(sql: """
        -- What kind of place an area is (AreaKind); NULL where the area file does not say.
        ALTER TABLE areas ADD COLUMN kind TEXT
          CHECK (kind IS NULL OR kind IN ('stadswijk', 'dorp', 'kern', 'buurtschap', 'buitengebied', 'bedrijventerrein'));

        -- Monitor figures per area from public sources (wijkkompas, CBS, GGD, ...), shown beside the web.
        -- One value per area, indicator and year; a later import of the same key replaces it.
        CREATE TABLE indicators (
          area_code TEXT NOT NULL REFERENCES areas(code),
          indicator_id TEXT NOT NULL,
          label_nl TEXT NOT NULL,
          label_en TEXT NOT NULL,
          value REAL NOT NULL,
          unit TEXT NOT NULL,
          year INTEGER NOT NULL,
          source TEXT NOT NULL,
          dimension TEXT NOT NULL,
          higher_is_better INTEGER NOT NULL CHECK (higher_is_better IN (0, 1)),
          imported_at TEXT NOT NULL,
          PRIMARY KEY (area_code, indicator_id, year)
        ) WITHOUT ROWID;
        """)
    }
    migrator.registerMigration("v15-score-columns") { db in
      try db.execute(sql: """
        -- A compact columnar copy of part_scores for profiles (ScoreColumnBlock): one block per round and
        -- range of 16 384 response keys (key >> 14). It is derived data: every change to part_scores or to
        -- a response's id or demographics marks its block stale, and a stale block is read from the rows
        -- until it is rebuilt (Store+ScoreColumns), so the copy can never show outdated figures.
        CREATE TABLE score_columns (
          round_id INTEGER NOT NULL,
          block INTEGER NOT NULL,
          data BLOB NOT NULL,
          -- SHA-256 of data: a profile's cache key is the digests of its rounds' blocks.
          digest BLOB NOT NULL,
          PRIMARY KEY (round_id, block)
        ) WITHOUT ROWID;
        CREATE TABLE score_columns_stale (
          round_id INTEGER NOT NULL,
          block INTEGER NOT NULL,
          PRIMARY KEY (round_id, block)
        ) WITHOUT ROWID;
        CREATE TRIGGER score_columns_insert AFTER INSERT ON part_scores BEGIN
          INSERT OR IGNORE INTO score_columns_stale (round_id, block) VALUES (NEW.round_id, NEW.response_key >> 14);
        END;
        -- What is deleted or changed (a withdrawal, sealing, a purge past retention) leaves no copy behind:
        -- the block holding it is deleted at once (zeroed, as secure_delete is on) and rebuilt later.
        CREATE TRIGGER score_columns_delete AFTER DELETE ON part_scores BEGIN
          INSERT OR IGNORE INTO score_columns_stale (round_id, block) VALUES (OLD.round_id, OLD.response_key >> 14);
          DELETE FROM score_columns WHERE round_id = OLD.round_id AND block = OLD.response_key >> 14;
        END;
        CREATE TRIGGER score_columns_update AFTER UPDATE ON part_scores BEGIN
          INSERT OR IGNORE INTO score_columns_stale (round_id, block) VALUES (OLD.round_id, OLD.response_key >> 14);
          INSERT OR IGNORE INTO score_columns_stale (round_id, block) VALUES (NEW.round_id, NEW.response_key >> 14);
          DELETE FROM score_columns WHERE round_id = OLD.round_id AND block = OLD.response_key >> 14;
        END;
        CREATE TRIGGER score_columns_response AFTER UPDATE OF id, packed_demographics, key ON responses BEGIN
          INSERT OR IGNORE INTO score_columns_stale (round_id, block)
            SELECT round_id, response_key >> 14 FROM part_scores WHERE response_key IN (OLD.key, NEW.key);
          DELETE FROM score_columns WHERE (round_id, block) IN
            (SELECT round_id, response_key >> 14 FROM part_scores WHERE response_key IN (OLD.key, NEW.key));
        END;
        INSERT INTO score_columns_stale (round_id, block) SELECT DISTINCT round_id, response_key >> 14 FROM part_scores;
        -- Every profile counts the sealed responses it leaves out: without this (normally empty) index that
        -- count read every response of the round.
        CREATE INDEX responses_sealed ON responses(round_id) WHERE sealed IS NOT NULL;
        """)
    }
    return migrator
  }
}
