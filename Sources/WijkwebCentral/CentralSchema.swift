import Foundation

/// The schema of the central PostgreSQL database, one migration per version, applied in order by
/// `CentralMigrator`. The same logical model as the laptop's SQLite store (WijkwebStore/Schema.swift),
/// plus the roles that PostgreSQL itself enforces:
///
/// - `wijkweb_device`: EXECUTE on `wijkweb.submit(jsonb)` and `wijkweb.installation()` only; reads nothing.
///   Each device login is bound to one enrolled device (`device_bindings`, migration 5) and submits only
///   records that device signed (`CentralSubmitFunction.swift`).
///   A withdrawal it submits is kept as a claim (`withdrawal_claims`) and deletes nothing by itself.
/// - `wijkweb_team`: reads responses, scores and reflections of its own gebieden (row-level security on
///   the area, through `wijkweb.team_areas`), never receipt hashes or device ids; reviews reflections there.
/// - `wijkweb_researcher`: the de-identified views of schema `wijkweb_research` only.
/// - `wijkweb_admin`: areas, questionnaires, rounds, teams' gebieden; creates roles; applies withdrawals
///   whose receipt code it checked against the response's Argon2id hash (PostgreSQL cannot compute it).
public enum CentralSchema {
  public static let groupRoles = ["wijkweb_device", "wijkweb_team", "wijkweb_researcher", "wijkweb_admin"]

  public static let migrations: [(version: String, sql: String)] = [("1-model-and-roles", v1), ("2-record-keys", v2), ("3-research-export", v3), ("4-agenda", v4), ("5-device-binding", v5)]

  /// The schema version a fully migrated database reports.
  public static var currentVersion: String { migrations.last!.version }

  static let dimensions = ["lichaamsfuncties", "mentaal_welbevinden", "zingeving", "kwaliteit_van_leven", "meedoen", "dagelijks_functioneren"]

  static let v1 = """
    DO $roles$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wijkweb_device') THEN CREATE ROLE wijkweb_device NOLOGIN; END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wijkweb_team') THEN CREATE ROLE wijkweb_team NOLOGIN; END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wijkweb_researcher') THEN CREATE ROLE wijkweb_researcher NOLOGIN; END IF;
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wijkweb_admin') THEN CREATE ROLE wijkweb_admin NOLOGIN; END IF;
    END $roles$;

    REVOKE ALL ON SCHEMA wijkweb FROM PUBLIC;
    ALTER DEFAULT PRIVILEGES IN SCHEMA wijkweb REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

    CREATE TABLE wijkweb.meta (key text PRIMARY KEY, value text NOT NULL);
    INSERT INTO wijkweb.meta (key, value) VALUES ('installation_id', gen_random_uuid()::text);

    CREATE TABLE wijkweb.areas (
      code text PRIMARY KEY,
      level text NOT NULL CHECK (level IN ('gemeente', 'gebied', 'wijk', 'buurt')),
      name text NOT NULL,
      parent_code text REFERENCES wijkweb.areas(code),
      aliases text NOT NULL DEFAULT ''
    );

    CREATE TABLE wijkweb.questionnaires (
      content_hash text PRIMARY KEY,
      id text NOT NULL,
      version integer NOT NULL,
      source text NOT NULL,
      installed_at timestamptz NOT NULL DEFAULT now()
    );

    CREATE TABLE wijkweb.rounds (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL UNIQUE,
      questionnaire_hash text NOT NULL REFERENCES wijkweb.questionnaires(content_hash),
      area_set text NOT NULL,
      starts_on date NOT NULL,
      ends_on date NOT NULL,
      min_group_size integer NOT NULL DEFAULT 10 CHECK (min_group_size >= 5),
      retention_days integer NOT NULL DEFAULT 730,
      status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
      seal_public_key text,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    -- `id` is the response's identity everywhere (laptops, bundles); `key` is this server's own number,
    -- the only link the de-identified views give between a response's rows.
    CREATE TABLE wijkweb.responses (
      key bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      id text PRIMARY KEY,
      round_id bigint NOT NULL REFERENCES wijkweb.rounds(id),
      questionnaire_id text NOT NULL,
      questionnaire_version integer NOT NULL,
      questionnaire_hash text NOT NULL,
      device_id text NOT NULL,
      volunteer_code text NOT NULL,
      language text NOT NULL,
      area_code text REFERENCES wijkweb.areas(code),
      started_at timestamptz NOT NULL,
      completed_at timestamptz NOT NULL,
      -- The receipt code's first group, and the salt and Argon2id hash of the whole code (`ReceiptHash`):
      -- the code itself is stored nowhere. All three or none (a response without a receipt code).
      receipt_locator text CHECK (receipt_locator ~ '^[2-9A-HJKMNP-Z]{4}$'),
      receipt_salt bytea CHECK (length(receipt_salt) = 16),
      receipt_hash bytea CHECK (length(receipt_hash) = 32),
      CHECK ((receipt_locator IS NULL) = (receipt_salt IS NULL) AND (receipt_salt IS NULL) = (receipt_hash IS NULL)),
      packed_answers text,
      packed_demographics text,
      sealed bytea,
      received_at timestamptz NOT NULL DEFAULT now(),
      received_from text NOT NULL DEFAULT session_user
    );
    CREATE INDEX responses_by_round_area ON wijkweb.responses (round_id, area_code);
    CREATE INDEX responses_by_receipt_locator ON wijkweb.responses (receipt_locator);

    CREATE TABLE wijkweb.part_scores (
      response_id text NOT NULL REFERENCES wijkweb.responses(id) ON DELETE CASCADE,
      part_id text NOT NULL,
      round_id bigint NOT NULL,
      area_code text,
    \(dimensions.map { "  \($0) double precision CHECK (\($0) BETWEEN 0 AND 10)," }.joined(separator: "\n"))
      PRIMARY KEY (response_id, part_id)
    );
    CREATE INDEX part_scores_by_round_area ON wijkweb.part_scores (round_id, area_code);

    -- Free text; `area_code` copied from the response so row-level security needs no join.
    CREATE TABLE wijkweb.reflections (
      response_id text NOT NULL REFERENCES wijkweb.responses(id) ON DELETE CASCADE,
      prompt_id text NOT NULL,
      text text NOT NULL,
      review_status text NOT NULL DEFAULT 'unreviewed'
        CHECK (review_status IN ('unreviewed', 'publishable', 'not_publishable', 'publishable_edited')),
      redacted_text text,
      dimensions text NOT NULL DEFAULT '',
      reviewed_at timestamptz,
      reviewer text,
      area_code text,
      PRIMARY KEY (response_id, prompt_id)
    );

    CREATE TABLE wijkweb.population (
      round_id bigint NOT NULL REFERENCES wijkweb.rounds(id) ON DELETE CASCADE,
      area_code text NOT NULL,
      men integer NOT NULL, women integer NOT NULL,
      age_15_24 integer NOT NULL, age_25_44 integer NOT NULL, age_45_64 integer NOT NULL, age_65_plus integer NOT NULL,
      PRIMARY KEY (round_id, area_code)
    );

    -- A withdrawn response leaves only its id: later copies of it are not kept (outcome `withdrawn`).
    CREATE TABLE wijkweb.tombstones (
      response_id text PRIMARY KEY,
      withdrawn_at timestamptz NOT NULL,
      device_id text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    );

    -- Withdrawals as devices sent them, with the receipt code as proof, not yet checked: PostgreSQL cannot
    -- compute Argon2id, so `wijkweb central apply-withdrawals` (admin) checks each code against the
    -- response's hash, applies it with `apply_withdrawal` or drops it with `refuse_withdrawal`. A claim
    -- deletes nothing by itself; one whose response has not arrived waits (at most 10 000 wait).
    CREATE TABLE wijkweb.withdrawal_claims (
      response_id text NOT NULL,
      receipt_code text NOT NULL CHECK (receipt_code ~ '^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){1,3}$'),
      withdrawn_at timestamptz NOT NULL,
      device_id text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now(),
      received_from text NOT NULL DEFAULT session_user,
      PRIMARY KEY (response_id, receipt_code)
    );

    CREATE TABLE wijkweb.audit (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      at timestamptz NOT NULL DEFAULT now(),
      actor text NOT NULL DEFAULT session_user,
      action text NOT NULL,
      detail text NOT NULL DEFAULT ''
    );

    -- Which gebieden (or other areas, with everything below them) a team role sees.
    CREATE TABLE wijkweb.team_areas (
      team text NOT NULL,
      area_code text NOT NULL REFERENCES wijkweb.areas(code),
      PRIMARY KEY (team, area_code)
    );

    -- The areas the logged-in user's teams see: their areas and everything below them. Policies call it
    -- in an uncorrelated IN (SELECT ...), so it runs once per statement, not once per row.
    CREATE FUNCTION wijkweb.visible_areas() RETURNS SETOF text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
      WITH RECURSIVE down (code, depth) AS (
        SELECT t.area_code, 0 FROM wijkweb.team_areas t WHERE pg_has_role(session_user, t.team, 'MEMBER')
        UNION ALL
        SELECT a.code, down.depth + 1 FROM wijkweb.areas a JOIN down ON a.parent_code = down.code WHERE down.depth < 8
      )
      SELECT DISTINCT code FROM down
    $fn$;

    -- This database's identity: a laptop keeps what it sent per installation.
    CREATE FUNCTION wijkweb.installation() RETURNS text
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
      SELECT value FROM wijkweb.meta WHERE key = 'installation_id'
    $fn$;

    -- The only way in for a device: records (JSON array) of kind 'response' (a bundle response) or
    -- 'withdrawal' (a bundle tombstone). Each is checked as `bundle import` checks it and kept once by id;
    -- every record gets an outcome: sent, already (kept before), withdrawn (a withdrawal of it is kept, so it
    -- never will be) or refused with a reason.
    \(submitFunction())

    -- Applying a withdrawal (admin, after checking the receipt code against the response's hash with
    -- Argon2id): deletes the response with its scores and reflections, keeps a tombstone so later copies are
    -- not kept, and drops the claims for it. Returns whether a response was deleted.
    CREATE FUNCTION wijkweb.apply_withdrawal(withdrawn_id text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
    DECLARE
      found_id text;
    BEGIN
      DELETE FROM wijkweb.responses WHERE id = withdrawn_id RETURNING id INTO found_id;
      IF found_id IS NOT NULL THEN
        INSERT INTO wijkweb.tombstones (response_id, withdrawn_at, device_id)
        VALUES (found_id, coalesce((SELECT min(withdrawn_at) FROM wijkweb.withdrawal_claims WHERE response_id = found_id), now()), 'central')
        ON CONFLICT (response_id) DO NOTHING;
        DELETE FROM wijkweb.withdrawal_claims WHERE response_id = found_id;
        INSERT INTO wijkweb.audit (action, detail) VALUES ('withdraw', 'response ' || found_id || '; receipt code checked; tombstone kept');
      END IF;
      RETURN found_id IS NOT NULL;
    END
    $fn$;

    -- Dropping a claim whose code does not prove the response's hash (admin); the response stays.
    CREATE FUNCTION wijkweb.refuse_withdrawal(claimed_id text, code text) RETURNS boolean
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
    DECLARE
      removed integer;
    BEGIN
      DELETE FROM wijkweb.withdrawal_claims WHERE response_id = claimed_id AND receipt_code = code;
      GET DIAGNOSTICS removed = ROW_COUNT;
      IF removed > 0 THEN
        INSERT INTO wijkweb.audit (action, detail) VALUES ('withdraw-refused', 'response ' || claimed_id || ': the receipt code does not prove its hash');
      END IF;
      RETURN removed > 0;
    END
    $fn$;

    -- Every review decision is in the audit log.
    CREATE FUNCTION wijkweb.audit_review() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
    BEGIN
      INSERT INTO wijkweb.audit (action, detail)
      VALUES ('review', 'reflection ' || NEW.response_id || '/' || NEW.prompt_id || ': ' || NEW.review_status);
      RETURN NEW;
    END
    $fn$;
    CREATE TRIGGER reflections_reviewed AFTER UPDATE ON wijkweb.reflections FOR EACH ROW EXECUTE FUNCTION wijkweb.audit_review();

    REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA wijkweb FROM PUBLIC;
    GRANT USAGE ON SCHEMA wijkweb TO wijkweb_device, wijkweb_team, wijkweb_admin;

    -- Device: submit, nothing else.
    GRANT EXECUTE ON FUNCTION wijkweb.submit(jsonb), wijkweb.installation() TO wijkweb_device;

    -- Team: its own gebieden, no receipt hashes, no device ids.
    ALTER TABLE wijkweb.responses ENABLE ROW LEVEL SECURITY;
    ALTER TABLE wijkweb.part_scores ENABLE ROW LEVEL SECURITY;
    ALTER TABLE wijkweb.reflections ENABLE ROW LEVEL SECURITY;
    CREATE POLICY team_reads ON wijkweb.responses FOR SELECT TO wijkweb_team USING (area_code IN (SELECT wijkweb.visible_areas()));
    CREATE POLICY team_reads ON wijkweb.part_scores FOR SELECT TO wijkweb_team USING (area_code IN (SELECT wijkweb.visible_areas()));
    CREATE POLICY team_reads ON wijkweb.reflections FOR SELECT TO wijkweb_team USING (area_code IN (SELECT wijkweb.visible_areas()));
    CREATE POLICY team_reviews ON wijkweb.reflections FOR UPDATE TO wijkweb_team
      USING (area_code IN (SELECT wijkweb.visible_areas())) WITH CHECK (area_code IN (SELECT wijkweb.visible_areas()));
    GRANT EXECUTE ON FUNCTION wijkweb.visible_areas() TO wijkweb_team;
    GRANT SELECT (key, id, round_id, questionnaire_id, questionnaire_version, questionnaire_hash, volunteer_code, language,
                  area_code, started_at, completed_at, packed_answers, packed_demographics, sealed)
      ON wijkweb.responses TO wijkweb_team;
    GRANT SELECT ON wijkweb.part_scores, wijkweb.reflections, wijkweb.areas, wijkweb.rounds, wijkweb.questionnaires,
                    wijkweb.population TO wijkweb_team;
    GRANT UPDATE (review_status, redacted_text, dimensions, reviewed_at, reviewer) ON wijkweb.reflections TO wijkweb_team;

    -- Admin: the set-up, the roles' gebieden, withdrawals; everything stored may be read (the claims'
    -- receipt codes, to check them, too).
    CREATE POLICY admin_all ON wijkweb.responses TO wijkweb_admin USING (true) WITH CHECK (true);
    CREATE POLICY admin_all ON wijkweb.part_scores TO wijkweb_admin USING (true) WITH CHECK (true);
    CREATE POLICY admin_all ON wijkweb.reflections TO wijkweb_admin USING (true) WITH CHECK (true);
    GRANT SELECT, INSERT, UPDATE, DELETE ON wijkweb.areas, wijkweb.questionnaires, wijkweb.rounds, wijkweb.population,
                                            wijkweb.team_areas TO wijkweb_admin;
    GRANT SELECT ON wijkweb.responses, wijkweb.part_scores, wijkweb.reflections, wijkweb.tombstones, wijkweb.audit,
                    wijkweb.meta, wijkweb.withdrawal_claims TO wijkweb_admin;
    GRANT EXECUTE ON FUNCTION wijkweb.apply_withdrawal(text), wijkweb.refuse_withdrawal(text, text), wijkweb.installation() TO wijkweb_admin;
    GRANT INSERT (action, detail) ON wijkweb.audit TO wijkweb_admin;

    -- Researcher: de-identified views (no receipt hashes, device ids, volunteer codes, laptop ids; days
    -- not times; only free text reviewed as publishable, edited where it was edited).
    CREATE SCHEMA wijkweb_research;
    REVOKE ALL ON SCHEMA wijkweb_research FROM PUBLIC;
    CREATE VIEW wijkweb_research.rounds AS
      SELECT name, area_set, starts_on, ends_on, min_group_size, status, q.id AS questionnaire_id, q.version AS questionnaire_version
      FROM wijkweb.rounds rd JOIN wijkweb.questionnaires q ON q.content_hash = rd.questionnaire_hash;
    CREATE VIEW wijkweb_research.areas AS SELECT code, level, name, parent_code FROM wijkweb.areas;
    CREATE VIEW wijkweb_research.responses AS
      SELECT r.key AS response_key, rd.name AS round, r.questionnaire_id, r.questionnaire_version, r.language, r.area_code,
             (r.completed_at AT TIME ZONE 'Europe/Amsterdam')::date AS completed_on, r.packed_answers, r.packed_demographics
      FROM wijkweb.responses r JOIN wijkweb.rounds rd ON rd.id = r.round_id WHERE r.sealed IS NULL;
    CREATE VIEW wijkweb_research.part_scores AS
      SELECT r.key AS response_key, rd.name AS round, s.part_id, s.area_code,
             s.lichaamsfuncties, s.mentaal_welbevinden, s.zingeving, s.kwaliteit_van_leven, s.meedoen, s.dagelijks_functioneren
      FROM wijkweb.part_scores s JOIN wijkweb.responses r ON r.id = s.response_id JOIN wijkweb.rounds rd ON rd.id = r.round_id;
    CREATE VIEW wijkweb_research.reflections AS
      SELECT r.key AS response_key, rd.name AS round, f.prompt_id, f.area_code, f.dimensions,
             CASE WHEN f.review_status = 'publishable_edited' THEN f.redacted_text ELSE f.text END AS text
      FROM wijkweb.reflections f JOIN wijkweb.responses r ON r.id = f.response_id JOIN wijkweb.rounds rd ON rd.id = r.round_id
      WHERE f.review_status IN ('publishable', 'publishable_edited');
    GRANT USAGE ON SCHEMA wijkweb_research TO wijkweb_researcher, wijkweb_admin;
    GRANT SELECT ON ALL TABLES IN SCHEMA wijkweb_research TO wijkweb_researcher, wijkweb_admin;
    """

  /// Every response's record key of the cell-key method (`CellKey.recordKey`: FNV-1a of the id, then
  /// SplitMix64's finaliser), computed by the server itself when a response is stored, so profiles can sum
  /// the keys per cell with GROUP BY and a device cannot choose its own. 64-bit arithmetic modulo 2^64 in
  /// 32-bit halves (bigint would overflow), the three multiplications of the finaliser in numeric.
  static let v2 = """
    CREATE FUNCTION wijkweb.record_key(response_id text) RETURNS bigint
    LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE SET search_path = pg_catalog, pg_temp AS $fn$
    DECLARE
      bytes bytea := convert_to(response_id, 'UTF8');
      hi bigint := 3421674724;
      lo bigint := 2216829733;
      t bigint;
      z numeric;
      two32 constant numeric := 4294967296;
      two64 constant numeric := 18446744073709551616;
    BEGIN
      FOR i IN 0 .. length(bytes) - 1 LOOP
        lo := lo # get_byte(bytes, i);
        -- (hi, lo) * (2^40 + 435) modulo 2^64
        t := lo * 435;
        hi := (hi * 435 + (t >> 32) + (lo << 8)) & 4294967295;
        lo := t & 4294967295;
      END LOOP;
      z := mod(hi * two32 + lo + 11400714819323198485, two64);
      hi := trunc(z / two32)::bigint; lo := mod(z, two32)::bigint;
      -- z ^= z >> 30; z *= 0xbf58476d1ce4e5b9
      lo := lo # (((lo >> 30) | (hi << 2)) & 4294967295); hi := hi # (hi >> 30);
      z := mod((hi * two32 + lo) * 13787848793156543929, two64);
      hi := trunc(z / two32)::bigint; lo := mod(z, two32)::bigint;
      -- z ^= z >> 27; z *= 0x94d049bb133111eb
      lo := lo # (((lo >> 27) | (hi << 5)) & 4294967295); hi := hi # (hi >> 27);
      z := mod((hi * two32 + lo) * 10723151780598845931, two64);
      hi := trunc(z / two32)::bigint; lo := mod(z, two32)::bigint;
      -- z ^= z >> 31
      lo := lo # (((lo >> 31) | (hi << 1)) & 4294967295); hi := hi # (hi >> 31);
      RETURN (hi << 32) | lo;
    END
    $fn$;
    ALTER TABLE wijkweb.responses ADD COLUMN record_key bigint GENERATED ALWAYS AS (wijkweb.record_key(id)) STORED;
    GRANT EXECUTE ON FUNCTION wijkweb.record_key(text) TO wijkweb_team, wijkweb_admin;
    GRANT SELECT (record_key) ON wijkweb.responses TO wijkweb_team;
    -- Every reading command checks the schema version first.
    GRANT SELECT ON wijkweb.schema_migrations TO wijkweb_team, wijkweb_admin;
    -- A team's reports and exports are in the audit log under its login (the actor is session_user).
    GRANT INSERT (action, detail) ON wijkweb.audit TO wijkweb_team;
    """

  /// What `export responses` needs as a researcher, still de-identified: the schema version, each round's
  /// number and questionnaire (its file, to build the codebook) and how many of its responses are sealed,
  /// and an audit entry for every export under the login.
  static let v3 = """
    GRANT USAGE ON SCHEMA wijkweb TO wijkweb_researcher;
    GRANT SELECT ON wijkweb.schema_migrations TO wijkweb_researcher;
    GRANT INSERT (action, detail) ON wijkweb.audit TO wijkweb_researcher;
    CREATE OR REPLACE VIEW wijkweb_research.rounds AS
      SELECT name, area_set, starts_on, ends_on, min_group_size, status, q.id AS questionnaire_id, q.version AS questionnaire_version,
             rd.id AS round_number, rd.questionnaire_hash,
             (SELECT count(*) FROM wijkweb.responses r WHERE r.round_id = rd.id AND r.sealed IS NOT NULL) AS sealed_responses
      FROM wijkweb.rounds rd JOIN wijkweb.questionnaires q ON q.content_hash = rd.questionnaire_hash;
    CREATE VIEW wijkweb_research.questionnaires AS SELECT content_hash AS questionnaire_hash, id AS questionnaire_id, version, source
      FROM wijkweb.questionnaires;
    GRANT SELECT ON wijkweb_research.questionnaires TO wijkweb_researcher, wijkweb_admin;
    """

  /// The wijkagenda (the laptop's migration "v10-agenda"): recognitions, opgaven and actions per area and
  /// round, and the ondergrens per area and dimension. A team reads and writes only those of its own
  /// gebieden (row-level security on the area, as for responses); an admin all; a researcher or device none.
  /// Times are the client's `CalendarDay.timestamp` text, as on the laptop, so the files are the same.
  static let v4 = """
    CREATE TABLE wijkweb.agenda_recognitions (
      area_code text NOT NULL,
      round_id bigint NOT NULL REFERENCES wijkweb.rounds(id),
      dimension text NOT NULL CHECK (dimension IN (\(dimensions.map { "'\($0)'" }.joined(separator: ", ")))),
      recognition text NOT NULL CHECK (recognition IN ('ja', 'deels', 'nee')),
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
      changed_at text NOT NULL,
      PRIMARY KEY (area_code, round_id, dimension)
    );
    CREATE TABLE wijkweb.agenda_tasks (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      area_code text NOT NULL,
      round_id bigint NOT NULL REFERENCES wijkweb.rounds(id),
      dimension text NOT NULL CHECK (dimension IN (\(dimensions.map { "'\($0)'" }.joined(separator: ", ")))),
      text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
      created_at text NOT NULL,
      changed_at text NOT NULL
    );
    CREATE INDEX agenda_tasks_by_area ON wijkweb.agenda_tasks (area_code, round_id);
    CREATE TABLE wijkweb.agenda_actions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      area_code text NOT NULL,
      round_id bigint NOT NULL REFERENCES wijkweb.rounds(id),
      dimension text NOT NULL CHECK (dimension IN (\(dimensions.map { "'\($0)'" }.joined(separator: ", ")))),
      what text NOT NULL CHECK (length(what) BETWEEN 1 AND 1000),
      who text NOT NULL CHECK (length(who) BETWEEN 1 AND 120),
      due_on text NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'bezig', 'klaar', 'vervallen')),
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
      created_at text NOT NULL,
      changed_at text NOT NULL
    );
    CREATE INDEX agenda_actions_by_area ON wijkweb.agenda_actions (area_code, round_id);
    CREATE TABLE wijkweb.agenda_floors (
      area_code text NOT NULL,
      dimension text NOT NULL CHECK (dimension IN (\(dimensions.map { "'\($0)'" }.joined(separator: ", ")))),
      value double precision NOT NULL CHECK (value BETWEEN 0 AND 10),
      agreed_by text NOT NULL CHECK (length(agreed_by) BETWEEN 1 AND 120),
      agreed_on text NOT NULL,
      changed_at text NOT NULL,
      PRIMARY KEY (area_code, dimension)
    );
    DO $agenda$ DECLARE t text; BEGIN
      FOREACH t IN ARRAY ARRAY['agenda_recognitions', 'agenda_tasks', 'agenda_actions', 'agenda_floors'] LOOP
        EXECUTE format('ALTER TABLE wijkweb.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY team_own ON wijkweb.%I TO wijkweb_team USING (area_code IN (SELECT wijkweb.visible_areas()))
                        WITH CHECK (area_code IN (SELECT wijkweb.visible_areas()))', t);
        EXECUTE format('CREATE POLICY admin_all ON wijkweb.%I TO wijkweb_admin USING (true) WITH CHECK (true)', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON wijkweb.%I TO wijkweb_team', t);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON wijkweb.%I TO wijkweb_admin', t);
      END LOOP;
    END $agenda$;
    """
}
