import Foundation

extension CentralSchema {
  /// The text of `wijkweb.submit(jsonb)`, the only way in for a device. Migration 1 created it without the
  /// parts below; migration 5 replaces it with them (`v5`), so a device login submits only what its own
  /// enrolled device signed.
  static func submitFunction(create: String = "CREATE FUNCTION", declarations: String = "", prologue: String = "",
                             deviceCheck: String = "") -> String {
    """
    \(create) wijkweb.submit(records jsonb)
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
      problem text;\(declarations)
    BEGIN
      IF jsonb_typeof(records) IS DISTINCT FROM 'array' THEN
        RAISE EXCEPTION 'records must be a JSON array';
      END IF;\(prologue)
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
          \(deviceCheck)ELSIF kind = 'withdrawal' THEN
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
    """
  }

  /// Migration 5: each device login is bound to one enrolled device (its team certificate, checked by the
  /// client against the team's identity before it is stored: `central add-device NAME --certificate FILE`).
  /// `wijkweb.submit` refuses, for a device login, every record not signed by that device: responses by the
  /// device that completed them (or generated them, for demo data), withdrawals by the device that entered
  /// them; a device login bound to no device submits nothing. PostgreSQL cannot verify Ed25519, so the
  /// signatures themselves are checked by the client (`bundle import --db URL --trust-db PATH`); what the
  /// server enforces is that a device login cannot submit in another device's name.
  static let v5 = """
    CREATE TABLE wijkweb.device_bindings (
      role_name text PRIMARY KEY,
      device_id text NOT NULL UNIQUE CHECK (length(device_id) BETWEEN 1 AND 64),
      certificate text NOT NULL,
      bound_at timestamptz NOT NULL DEFAULT now()
    );
    GRANT SELECT, INSERT ON wijkweb.device_bindings TO wijkweb_admin;

    \(submitFunction(create: "CREATE OR REPLACE FUNCTION", declarations: v5Declarations, prologue: v5Prologue, deviceCheck: v5DeviceCheck))
    """

  static let v5Declarations = """

      caller_is_device boolean;
      bound text;
    """

  static let v5Prologue = """

      -- A device login (not an admin, not the owner) submits only what its bound device signed.
      caller_is_device := pg_has_role(session_user, 'wijkweb_device', 'MEMBER')
        AND NOT pg_has_role(session_user, 'wijkweb_admin', 'MEMBER')
        AND NOT coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user), false);
      bound := (SELECT b.device_id FROM wijkweb.device_bindings b WHERE b.role_name = session_user);
    """

  static let v5DeviceCheck = """
    ELSIF caller_is_device AND bound IS NULL THEN
                reason := 'this login is bound to no enrolled device; the admin adds it with central add-device NAME --certificate FILE';
              ELSIF caller_is_device AND bound IS DISTINCT FROM (CASE
                  WHEN kind = 'withdrawal' THEN r->>'device_id'
                  WHEN r->>'signed_by' = 'device' THEN r->>'device_id'
                  WHEN left(coalesce(r->>'signed_by', ''), 10) = 'generator:' THEN substr(r->>'signed_by', 11) END) THEN
                reason := 'the record is not signed by the device this login is bound to';
              
    """
}
