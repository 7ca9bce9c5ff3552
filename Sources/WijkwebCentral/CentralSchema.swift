import Foundation

/// The schema of the central PostgreSQL database, one migration per version, applied in order by
/// `CentralMigrator`. The same logical model as the laptop's SQLite store (WijkwebStore/Schema.swift),
/// plus the roles that PostgreSQL itself enforces:
///
/// - `wijkweb_device`: EXECUTE on `wijkweb.submit(jsonb)` and `wijkweb.installation()` only; reads nothing.
///   A withdrawal it submits is kept as a claim (`withdrawal_claims`) and deletes nothing by itself.
/// - `wijkweb_team`: reads responses, scores and reflections of its own gebieden (row-level security on
///   the area, through `wijkweb.team_areas`), never receipt hashes or device ids; reviews reflections there.
/// - `wijkweb_researcher`: the de-identified views of schema `wijkweb_research` only.
/// - `wijkweb_admin`: areas, questionnaires, rounds, teams' gebieden; creates roles; applies withdrawals
///   whose receipt code it checked against the response's Argon2id hash (PostgreSQL cannot compute it).
public enum CentralSchema {
  public static let groupRoles = ["wijkweb_device", "wijkweb_team", "wijkweb_researcher", "wijkweb_admin"]

  public static let migrations: [(version: String, sql: String)] = [("1-model-and-roles", v1), ("2-record-keys", v2)]

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
    CREATE FUNCTION wijkweb.submit(records jsonb)
    RETURNS TABLE (kind text, id text, outcome text, reason text)
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $fn$
    DECLARE
      rec jsonb;
      r jsonb;
      rd record;
      part record;
      refl jsonb;
      scores jsonb;
      rows_added integer;
      sent integer := 0; already integer := 0; refused integer := 0; withdrawn integer := 0;
      problem text;
    BEGIN
      IF jsonb_typeof(records) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'records must be a JSON array';
      END IF;
      FOR rec IN SELECT value FROM jsonb_array_elements(records) LOOP
        kind := rec->>'kind';
        r := rec->'record';
        id := coalesce(r->>'id', r->>'response_id', '');
        outcome := 'refused'; reason := NULL;
        BEGIN
          IF jsonb_typeof(r) IS DISTINCT FROM 'object' THEN
            reason := 'not a record';
          ELSIF id !~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' THEN
            reason := 'the id is not a response id'; id := left(id, 40);
          ELSIF kind = 'withdrawal' THEN
            -- Kept as a claim only: an admin checks the code against the hash before anything is deleted.
            IF EXISTS (SELECT 1 FROM wijkweb.tombstones t WHERE t.response_id = submit.id) THEN
              outcome := 'already';
            ELSIF coalesce(r->>'receipt_code', '') !~ '^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){1,3}$' THEN
              reason := 'a withdrawal needs the receipt code';
            ELSIF EXISTS (SELECT 1 FROM wijkweb.withdrawal_claims c WHERE c.response_id = submit.id AND c.receipt_code = r->>'receipt_code') THEN
              outcome := 'already';
            ELSIF (SELECT count(*) FROM wijkweb.withdrawal_claims) >= 10000 THEN
              reason := 'too many withdrawals wait to be checked; the admin runs central apply-withdrawals';
            ELSE
              INSERT INTO wijkweb.withdrawal_claims (response_id, receipt_code, withdrawn_at, device_id)
              VALUES (id, r->>'receipt_code', (r->>'withdrawn_at')::timestamptz, coalesce(r->>'device_id', ''))
              ON CONFLICT (response_id, receipt_code) DO NOTHING;
              GET DIAGNOSTICS rows_added = ROW_COUNT;
              outcome := CASE WHEN rows_added = 1 THEN 'sent' ELSE 'already' END;
            END IF;
          ELSIF kind IS DISTINCT FROM 'response' THEN
            reason := 'unknown kind of record';
          ELSIF EXISTS (SELECT 1 FROM wijkweb.tombstones t WHERE t.response_id = submit.id) THEN
            outcome := 'withdrawn';
          ELSIF EXISTS (SELECT 1 FROM wijkweb.responses x WHERE x.id = submit.id) THEN
            outcome := 'already';
          ELSE
            SELECT * INTO rd FROM wijkweb.rounds WHERE name = r->>'round';
            scores := coalesce(r->'scores', '{}'::jsonb);
            IF NOT FOUND THEN
              reason := 'round "' || left(coalesce(r->>'round', ''), 80) || '" is not on the server';
            ELSIF rd.status <> 'open' THEN
              reason := 'round "' || rd.name || '" is closed';
            ELSIF rd.questionnaire_hash IS DISTINCT FROM r->>'questionnaire_hash' THEN
              reason := 'the questionnaire differs from the round''s';
            ELSIF r->>'status' IS DISTINCT FROM 'completed' THEN
              reason := 'the response is not completed';
            ELSIF r->>'receipt_code' IS NOT NULL THEN
              reason := 'the response carries its receipt code in the clear';
            ELSIF (r->>'receipt_locator' IS NULL) <> (r->>'receipt_salt' IS NULL) OR (r->>'receipt_salt' IS NULL) <> (r->>'receipt_hash' IS NULL)
                  OR coalesce(r->>'receipt_locator', '2222') !~ '^[2-9A-HJKMNP-Z]{4}$'
                  OR length(decode(coalesce(r->>'receipt_salt', 'AAAAAAAAAAAAAAAAAAAAAA=='), 'base64')) <> 16
                  OR length(decode(coalesce(r->>'receipt_hash', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='), 'base64')) <> 32 THEN
              reason := 'the receipt hash is malformed';
            ELSIF r->>'area_code' IS NOT NULL AND NOT EXISTS (SELECT 1 FROM wijkweb.areas a WHERE a.code = r->>'area_code') THEN
              reason := 'area "' || left(r->>'area_code', 40) || '" is not known';
            ELSIF (rd.seal_public_key IS NOT NULL) <> (r->>'sealed' IS NOT NULL) THEN
              reason := CASE WHEN rd.seal_public_key IS NOT NULL THEN 'the round is sealed but the response is not' ELSE 'the response is sealed but the round is not' END;
            ELSIF r->>'sealed' IS NOT NULL AND (scores <> '{}'::jsonb OR jsonb_array_length(coalesce(r->'reflections', '[]'::jsonb)) > 0
                                                 OR coalesce(r->>'packed_answers', '') <> '' OR coalesce(r->>'packed_demographics', '') <> '') THEN
              reason := 'a sealed response carries readable content';
            ELSIF jsonb_typeof(scores) <> 'object' OR EXISTS (
                SELECT 1 FROM jsonb_each(scores) s
                WHERE jsonb_typeof(s.value) <> 'array' OR jsonb_array_length(s.value) <> 6
                   OR EXISTS (SELECT 1 FROM jsonb_array_elements(s.value) v
                              WHERE jsonb_typeof(v) NOT IN ('number', 'null')
                                 OR (jsonb_typeof(v) = 'number' AND ((v #>> '{}')::double precision < 0 OR (v #>> '{}')::double precision > 10)))) THEN
              reason := 'a score is out of range (0 to 10, six per part)';
            ELSE
              INSERT INTO wijkweb.responses (id, round_id, questionnaire_id, questionnaire_version, questionnaire_hash, device_id, volunteer_code, language,
                area_code, started_at, completed_at, receipt_locator, receipt_salt, receipt_hash, packed_answers, packed_demographics, sealed)
              VALUES (id, rd.id, r->>'questionnaire_id', (r->>'questionnaire_version')::integer, r->>'questionnaire_hash',
                r->>'device_id', r->>'volunteer_code', r->>'language', r->>'area_code', (r->>'started_at')::timestamptz,
                (r->>'completed_at')::timestamptz, r->>'receipt_locator', decode(r->>'receipt_salt', 'base64'),
                decode(r->>'receipt_hash', 'base64'), nullif(r->>'packed_answers', ''),
                nullif(r->>'packed_demographics', ''), decode(r->>'sealed', 'base64'))
              ON CONFLICT ON CONSTRAINT responses_pkey DO NOTHING;
              GET DIAGNOSTICS rows_added = ROW_COUNT;
              IF rows_added = 0 THEN
                outcome := 'already';
              ELSE
                FOR part IN SELECT s.key AS part_id, s.value AS v FROM jsonb_each(scores) s LOOP
                  INSERT INTO wijkweb.part_scores (response_id, part_id, round_id, area_code,
                    lichaamsfuncties, mentaal_welbevinden, zingeving, kwaliteit_van_leven, meedoen, dagelijks_functioneren)
                  VALUES (id, part.part_id, rd.id, r->>'area_code',
                    (part.v->>0)::double precision, (part.v->>1)::double precision, (part.v->>2)::double precision,
                    (part.v->>3)::double precision, (part.v->>4)::double precision, (part.v->>5)::double precision);
                END LOOP;
                -- Review happens at the team: what a laptop says about its own text is not taken over.
                FOR refl IN SELECT value FROM jsonb_array_elements(coalesce(r->'reflections', '[]'::jsonb)) LOOP
                  INSERT INTO wijkweb.reflections (response_id, prompt_id, text, area_code)
                  VALUES (id, refl->>'prompt_id', refl->>'text', r->>'area_code');
                END LOOP;
                outcome := 'sent';
              END IF;
            END IF;
          END IF;
        EXCEPTION
          WHEN unique_violation THEN outcome := 'refused'; reason := 'a part or reflection is used twice';
          WHEN others THEN outcome := 'refused'; reason := 'malformed record (' || left(SQLERRM, 120) || ')';
        END;
        IF outcome = 'sent' THEN sent := sent + 1; ELSIF outcome = 'already' THEN already := already + 1;
        ELSIF outcome = 'withdrawn' THEN withdrawn := withdrawn + 1; ELSE refused := refused + 1; END IF;
        RETURN NEXT;
      END LOOP;
      INSERT INTO wijkweb.audit (action, detail)
      VALUES ('submit', sent || ' sent, ' || already || ' already there, ' || withdrawn || ' withdrawn, ' || refused || ' refused');
    END
    $fn$;

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
}
