/** Schema migrations, applied in order; each runs once, in a transaction, and is recorded. */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'campaign, geography, premises, events, audit',
    sql: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE townships (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        geometry TEXT NOT NULL
      );
      CREATE TABLE villages (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('village', 'community')),
        township_id INTEGER NOT NULL REFERENCES townships(id),
        area_km2 REAL NOT NULL,
        fringe INTEGER NOT NULL DEFAULT 0,
        pilot INTEGER NOT NULL DEFAULT 0,
        geometry TEXT NOT NULL
      );
      CREATE TABLE basemap_features (
        id INTEGER PRIMARY KEY,
        layer TEXT NOT NULL,
        class TEXT NOT NULL,
        name TEXT,
        width_m REAL,
        geometry TEXT NOT NULL
      );
      CREATE TABLE premises (
        id INTEGER PRIMARY KEY,
        archive_no TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL,
        operator TEXT,
        phone TEXT,
        id_number TEXT,
        address TEXT NOT NULL,
        village_id INTEGER NOT NULL REFERENCES villages(id),
        category TEXT NOT NULL,
        lng REAL NOT NULL,
        lat REAL NOT NULL,
        crs TEXT NOT NULL DEFAULT 'WGS84',
        geocode_method TEXT NOT NULL,
        key_object INTEGER NOT NULL DEFAULT 0,
        area_m2 REAL,
        staff INTEGER,
        notes TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE INDEX premises_village ON premises(village_id);
      CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        premise_id INTEGER NOT NULL REFERENCES premises(id) ON DELETE CASCADE,
        day INTEGER NOT NULL,
        type TEXT NOT NULL,
        problems TEXT,
        deadline_day INTEGER,
        passed INTEGER,
        licence TEXT,
        licence_no TEXT,
        valid_to_day INTEGER,
        note TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE INDEX events_premise ON events(premise_id, day, id);
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        actor TEXT,
        action TEXT NOT NULL,
        entity TEXT NOT NULL,
        entity_id INTEGER,
        before TEXT,
        after TEXT
      );
      CREATE TRIGGER audit_log_append_only_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
      CREATE TRIGGER audit_log_append_only_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
    `,
  },
  {
    version: 2,
    name: 'key areas',
    sql: `
      CREATE TABLE areas (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        reason TEXT NOT NULL CHECK (reason IN ('concentration', 'unlicensed_hotspot', 'other')),
        note TEXT NOT NULL DEFAULT '',
        active_from TEXT CHECK (active_from IS NULL OR active_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        active_to TEXT CHECK (active_to IS NULL OR active_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        geometry TEXT NOT NULL CHECK (json_valid(geometry)),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        CHECK (active_from IS NULL OR active_to IS NULL OR active_to >= active_from)
      );
    `,
  },
  {
    version: 3,
    name: 'geocoder: address points, place aliases, review corrections',
    sql: `
      CREATE TABLE address_points (
        id INTEGER PRIMARY KEY,
        village TEXT,
        grp INTEGER CHECK (grp IS NULL OR grp > 0),
        road TEXT,
        estate TEXT,
        building INTEGER CHECK (building IS NULL OR building > 0),
        number INTEGER NOT NULL CHECK (number > 0),
        lng REAL NOT NULL CHECK (lng BETWEEN -180 AND 180),
        lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
        source TEXT NOT NULL CHECK (source IN ('import', 'correction')),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        CHECK (village IS NOT NULL OR road IS NOT NULL OR estate IS NOT NULL)
      );
      CREATE INDEX address_points_road ON address_points(road, number);
      CREATE INDEX address_points_village ON address_points(village, grp, number);
      CREATE TABLE place_aliases (
        id INTEGER PRIMARY KEY,
        from_name TEXT NOT NULL UNIQUE CHECK (length(trim(from_name)) > 0),
        to_name TEXT NOT NULL CHECK (length(trim(to_name)) > 0),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        CHECK (from_name <> to_name)
      );
      INSERT INTO place_aliases (from_name, to_name) VALUES
        ('浙江', '浙江省'), ('杭州', '杭州市'), ('江干区', '上城区'), ('江干', '上城区'),
        ('丁桥镇', '丁兰街道'), ('丁兰街道办事处', '丁兰街道');
      CREATE TABLE geocode_reviews (
        id INTEGER PRIMARY KEY,
        premise_id INTEGER NOT NULL REFERENCES premises(id) ON DELETE CASCADE,
        address TEXT NOT NULL,
        method TEXT,
        confidence REAL NOT NULL CHECK (confidence BETWEEN 0 AND 1),
        matched_text TEXT NOT NULL DEFAULT '',
        conflict INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
        resolved_lng REAL,
        resolved_lat REAL,
        resolved_at TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        CHECK (status = 'open' OR (resolved_lng IS NOT NULL AND resolved_lat IS NOT NULL AND resolved_at IS NOT NULL))
      );
      CREATE INDEX geocode_reviews_premise ON geocode_reviews(premise_id, status);
    `,
  },
  {
    version: 4,
    name: 'imports: staged jobs, their rows, and what each commit changed (for history and undo)',
    sql: `
      CREATE TABLE import_jobs (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('premises', 'boundaries', 'addresses')),
        state TEXT NOT NULL CHECK (state IN ('staged', 'committed', 'undone')),
        file_name TEXT NOT NULL,
        file_bytes INTEGER NOT NULL,
        format TEXT NOT NULL,
        encoding TEXT,
        sheet TEXT,
        header_row INTEGER,
        headers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(headers)),
        mapping TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(mapping)),
        options TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
        notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes)),
        row_count INTEGER NOT NULL,
        validation TEXT CHECK (validation IS NULL OR json_valid(validation)),
        result TEXT CHECK (result IS NULL OR json_valid(result)),
        progress TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(progress)),
        actor TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        committed_at TEXT,
        undone_at TEXT
      );
      CREATE TABLE import_rows (
        import_id INTEGER NOT NULL REFERENCES import_jobs(id) ON DELETE CASCADE,
        row_no INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (import_id, row_no)
      ) WITHOUT ROWID;
      CREATE TABLE import_items (
        id INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES import_jobs(id),
        row_no INTEGER,
        action TEXT NOT NULL CHECK (action IN ('created', 'merged', 'event', 'geometry', 'address_point')),
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        before TEXT CHECK (before IS NULL OR json_valid(before)),
        after TEXT CHECK (after IS NULL OR json_valid(after))
      );
      CREATE INDEX import_items_import ON import_items(import_id, action);
    `,
  },
  {
    version: 5,
    name: 'data version: bumped by every change to premises or events, to know when the model snapshot is stale',
    sql: `
      INSERT INTO meta (key, value) VALUES ('data_version', '0') ON CONFLICT(key) DO NOTHING;
      CREATE TRIGGER premises_version_insert AFTER INSERT ON premises
        BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
      CREATE TRIGGER premises_version_update AFTER UPDATE OF lng, lat, category, village_id ON premises
        BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
      CREATE TRIGGER premises_version_delete AFTER DELETE ON premises
        BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
      CREATE TRIGGER events_version_insert AFTER INSERT ON events
        BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
      CREATE TRIGGER events_version_update AFTER UPDATE ON events
        BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
      CREATE TRIGGER events_version_delete AFTER DELETE ON events
        BEGIN UPDATE meta SET value = value + 1 WHERE key = 'data_version'; END;
    `,
  },
  {
    version: 6,
    name: 'place aliases: a new record starts with none (the township set-up names its own region)',
    sql: `
      DELETE FROM place_aliases
      WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'campaign')
        AND (from_name, to_name) IN (VALUES ('浙江', '浙江省'), ('杭州', '杭州市'), ('江干区', '上城区'),
          ('江干', '上城区'), ('丁桥镇', '丁兰街道'), ('丁兰街道办事处', '丁兰街道'));
    `,
  },
  {
    version: 7,
    name: 'townships: whether the outline was imported or made as the union of the villages',
    sql: `
      ALTER TABLE townships ADD COLUMN outline TEXT NOT NULL DEFAULT 'imported'
        CHECK (outline IN ('imported', 'villages'));
    `,
  },
  {
    version: 8,
    name: 'address points: a building of an estate is a plate without a door number (江景花园3幢2单元)',
    sql: `
      CREATE TABLE address_points_new (
        id INTEGER PRIMARY KEY,
        village TEXT,
        grp INTEGER CHECK (grp IS NULL OR grp > 0),
        road TEXT,
        estate TEXT,
        building INTEGER CHECK (building IS NULL OR building > 0),
        number INTEGER CHECK (number IS NULL OR number > 0),
        lng REAL NOT NULL CHECK (lng BETWEEN -180 AND 180),
        lat REAL NOT NULL CHECK (lat BETWEEN -90 AND 90),
        source TEXT NOT NULL CHECK (source IN ('import', 'correction')),
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        CHECK (village IS NOT NULL OR road IS NOT NULL OR estate IS NOT NULL),
        CHECK (number IS NOT NULL OR (estate IS NOT NULL AND building IS NOT NULL))
      );
      INSERT INTO address_points_new SELECT * FROM address_points;
      DROP TABLE address_points;
      ALTER TABLE address_points_new RENAME TO address_points;
      CREATE INDEX address_points_road ON address_points(road, number);
      CREATE INDEX address_points_village ON address_points(village, grp, number);
    `,
  },
  {
    version: 9,
    name: 'accounts: users, server-side sessions, API tokens; an id for this very database',
    sql: `
      CREATE TABLE users (
        id INTEGER PRIMARY KEY,
        username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 2 AND 40),
        display_name TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL CHECK (role IN ('admin', 'leader', 'village', 'inspector', 'viewer')),
        village_codes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(village_codes)),
        department TEXT,
        password_hash TEXT NOT NULL,
        must_change_password INTEGER NOT NULL DEFAULT 0,
        disabled INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_ms INTEGER NOT NULL,
        seen_ms INTEGER NOT NULL,
        expires_ms INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE api_tokens (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        user_id INTEGER NOT NULL REFERENCES users(id),
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        last_used_at TEXT,
        revoked_at TEXT
      );
      INSERT INTO meta (key, value) VALUES ('db_id', lower(hex(randomblob(16)))) ON CONFLICT(key) DO NOTHING;
    `,
  },
  {
    version: 10,
    name: 'imports: a staged import can be abandoned (its rows purged); when it was',
    // SQLite cannot widen a CHECK in place: the jobs table is rebuilt, and with it the two tables
    // that reference it (renaming a new parent under the old name keeps their references whole).
    sql: `
      CREATE TABLE import_jobs_new (
        id INTEGER PRIMARY KEY,
        kind TEXT NOT NULL CHECK (kind IN ('premises', 'boundaries', 'addresses')),
        state TEXT NOT NULL CHECK (state IN ('staged', 'committed', 'undone', 'abandoned')),
        file_name TEXT NOT NULL,
        file_bytes INTEGER NOT NULL,
        format TEXT NOT NULL,
        encoding TEXT,
        sheet TEXT,
        header_row INTEGER,
        headers TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(headers)),
        mapping TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(mapping)),
        options TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(options)),
        notes TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(notes)),
        row_count INTEGER NOT NULL,
        validation TEXT CHECK (validation IS NULL OR json_valid(validation)),
        result TEXT CHECK (result IS NULL OR json_valid(result)),
        progress TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(progress)),
        actor TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        committed_at TEXT,
        undone_at TEXT,
        abandoned_at TEXT
      );
      INSERT INTO import_jobs_new (id, kind, state, file_name, file_bytes, format, encoding, sheet, header_row,
          headers, mapping, options, notes, row_count, validation, result, progress, actor, created_at,
          committed_at, undone_at)
        SELECT id, kind, state, file_name, file_bytes, format, encoding, sheet, header_row, headers, mapping,
          options, notes, row_count, validation, result, progress, actor, created_at, committed_at, undone_at
        FROM import_jobs;
      CREATE TABLE import_rows_new (
        import_id INTEGER NOT NULL REFERENCES import_jobs_new(id) ON DELETE CASCADE,
        row_no INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (import_id, row_no)
      ) WITHOUT ROWID;
      INSERT INTO import_rows_new (import_id, row_no, data) SELECT import_id, row_no, data FROM import_rows;
      CREATE TABLE import_items_new (
        id INTEGER PRIMARY KEY,
        import_id INTEGER NOT NULL REFERENCES import_jobs_new(id),
        row_no INTEGER,
        action TEXT NOT NULL CHECK (action IN ('created', 'merged', 'event', 'geometry', 'address_point')),
        entity TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        before TEXT CHECK (before IS NULL OR json_valid(before)),
        after TEXT CHECK (after IS NULL OR json_valid(after))
      );
      INSERT INTO import_items_new (id, import_id, row_no, action, entity, entity_id, before, after)
        SELECT id, import_id, row_no, action, entity, entity_id, before, after FROM import_items;
      DROP TABLE import_rows;
      DROP TABLE import_items;
      DROP TABLE import_jobs;
      ALTER TABLE import_jobs_new RENAME TO import_jobs;
      ALTER TABLE import_rows_new RENAME TO import_rows;
      ALTER TABLE import_items_new RENAME TO import_items;
      CREATE INDEX import_items_import ON import_items(import_id, action);
    `,
  },
  {
    version: 11,
    name: 'premise files kept by hand: who recorded each event, joint departments, checklists, offline ids; standards per trade; photos',
    // client_id: the id a phone gives a record it made offline, so sending it twice records it once.
    // parent_event_id: the order to rectify an inspection or failed re-inspection issued with it.
    sql: `
      ALTER TABLE events ADD COLUMN actor TEXT;
      ALTER TABLE events ADD COLUMN departments TEXT CHECK (departments IS NULL OR json_valid(departments));
      ALTER TABLE events ADD COLUMN responsible TEXT;
      ALTER TABLE events ADD COLUMN checklist TEXT CHECK (checklist IS NULL OR json_valid(checklist));
      ALTER TABLE events ADD COLUMN client_id TEXT;
      ALTER TABLE events ADD COLUMN parent_event_id INTEGER REFERENCES events(id) ON DELETE SET NULL;
      CREATE UNIQUE INDEX events_client_id ON events(client_id);
      CREATE INDEX events_parent ON events(parent_event_id) WHERE parent_event_id IS NOT NULL;
      CREATE TABLE standards (
        id INTEGER PRIMARY KEY,
        category TEXT NOT NULL,
        version INTEGER NOT NULL CHECK (version > 0),
        items TEXT NOT NULL CHECK (json_valid(items) AND json_type(items) = 'array'),
        note TEXT NOT NULL DEFAULT '',
        created_by TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (category, version)
      );
      CREATE TABLE photos (
        id INTEGER PRIMARY KEY,
        premise_id INTEGER NOT NULL REFERENCES premises(id) ON DELETE CASCADE,
        event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
        file TEXT NOT NULL UNIQUE,
        mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
        bytes INTEGER NOT NULL CHECK (bytes > 0),
        width INTEGER NOT NULL CHECK (width > 0),
        height INTEGER NOT NULL CHECK (height > 0),
        thumb_file TEXT NOT NULL UNIQUE,
        thumb_mime TEXT NOT NULL CHECK (thumb_mime IN ('image/jpeg', 'image/png')),
        thumb_width INTEGER NOT NULL CHECK (thumb_width > 0),
        thumb_height INTEGER NOT NULL CHECK (thumb_height > 0),
        sha256 TEXT NOT NULL,
        uploaded_by TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE INDEX photos_premise ON photos(premise_id, id);
      CREATE INDEX photos_event ON photos(event_id) WHERE event_id IS NOT NULL;
      CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
    `,
  },
  {
    version: 12,
    name: 'work: tasks with their assignees, random draws (双随机) kept unchangeable, partial indexes for the work lists',
    // The partial indexes hold only the records a work list reads, ordered by premise, so each list
    // is one pass over a small covering index instead of a scan and sort of every event. The
    // contacts version counts every change to who runs a premise, where and what (operator, phone,
    // address, village, trade), so the rebound list may keep them normalised in memory between changes.
    sql: `
      CREATE INDEX events_rectification ON events(premise_id, day, type, deadline_day)
        WHERE type IN ('ordered', 'reinspected', 'upgraded', 'model', 'closed', 'converted');
      CREATE INDEX events_failed ON events(premise_id, day) WHERE type = 'reinspected' AND passed = 0;
      CREATE INDEX events_closures ON events(premise_id, day, type) WHERE type IN ('closed', 'converted');
      CREATE INDEX events_licence_ends ON events(valid_to_day, day) WHERE type = 'licence_obtained';
      INSERT INTO meta (key, value) VALUES ('contacts_version', '0') ON CONFLICT(key) DO NOTHING;
      CREATE TRIGGER premises_contacts_insert AFTER INSERT ON premises
        BEGIN UPDATE meta SET value = value + 1 WHERE key = 'contacts_version'; END;
      CREATE TRIGGER premises_contacts_update AFTER UPDATE OF operator, phone, address, village_id, category ON premises
        BEGIN UPDATE meta SET value = value + 1 WHERE key = 'contacts_version'; END;
      CREATE TRIGGER premises_contacts_delete AFTER DELETE ON premises
        BEGIN UPDATE meta SET value = value + 1 WHERE key = 'contacts_version'; END;
      CREATE TABLE draws (
        id INTEGER PRIMARY KEY,
        method TEXT NOT NULL,
        seed TEXT NOT NULL CHECK (length(seed) BETWEEN 1 AND 128),
        seed_source TEXT NOT NULL CHECK (seed_source IN ('generated', 'given')),
        filter TEXT NOT NULL CHECK (json_valid(filter)),
        candidates TEXT NOT NULL CHECK (json_valid(candidates) AND json_type(candidates) = 'array'),
        pool TEXT NOT NULL CHECK (json_valid(pool) AND json_type(pool) = 'array'),
        premise_count INTEGER NOT NULL CHECK (premise_count > 0),
        per_team INTEGER NOT NULL CHECK (per_team > 0),
        picks TEXT NOT NULL CHECK (json_valid(picks) AND json_type(picks) = 'array'),
        due_day INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        drawn_by TEXT NOT NULL,
        drawn_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      );
      CREATE TRIGGER draws_unchangeable_update BEFORE UPDATE ON draws
        BEGIN SELECT RAISE(ABORT, 'a draw is kept as drawn'); END;
      CREATE TRIGGER draws_unchangeable_delete BEFORE DELETE ON draws
        BEGIN SELECT RAISE(ABORT, 'a draw is kept as drawn'); END;
      CREATE TABLE tasks (
        id INTEGER PRIMARY KEY,
        premise_id INTEGER NOT NULL REFERENCES premises(id) ON DELETE CASCADE,
        due_day INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
        origin TEXT NOT NULL CHECK (origin IN ('premises', 'area', 'shape', 'draw')),
        area_id INTEGER REFERENCES areas(id) ON DELETE SET NULL,
        draw_id INTEGER REFERENCES draws(id),
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
        created_by TEXT NOT NULL,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        closed_by TEXT,
        closed_at TEXT,
        event_id INTEGER REFERENCES events(id) ON DELETE SET NULL,
        CHECK ((status = 'open') = (closed_at IS NULL)),
        CHECK (origin <> 'draw' OR draw_id IS NOT NULL)
      );
      CREATE INDEX tasks_premise ON tasks(premise_id, status);
      CREATE INDEX tasks_open ON tasks(status, due_day);
      CREATE INDEX tasks_draw ON tasks(draw_id) WHERE draw_id IS NOT NULL;
      CREATE TABLE task_assignees (
        task_id INTEGER NOT NULL REFERENCES tasks(id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('department', 'village', 'user')),
        department TEXT,
        village_id INTEGER REFERENCES villages(id),
        user_id INTEGER REFERENCES users(id),
        CHECK ((kind = 'department') = (department IS NOT NULL)
          AND (kind = 'village') = (village_id IS NOT NULL)
          AND (kind = 'user') = (user_id IS NOT NULL))
      );
      CREATE INDEX task_assignees_task ON task_assignees(task_id);
      CREATE INDEX task_assignees_user ON task_assignees(user_id) WHERE user_id IS NOT NULL;
      CREATE INDEX task_assignees_department ON task_assignees(department) WHERE department IS NOT NULL;
      CREATE INDEX task_assignees_village ON task_assignees(village_id) WHERE village_id IS NOT NULL;
    `,
  },
  {
    version: 13,
    name: 'annual acceptance (验收): targets per campaign year in versions, one acceptance record per village and year',
    // Targets are kept as written: an edit adds a version, so a scorecard can say which targets it
    // was held to. An acceptance record keeps the team's adjustments and remarks, the decision and
    // who signed it off when, and what the scorecard said at that moment (snapshot). A village with
    // an acceptance record cannot be removed (no cascade): the record outlives a boundary re-import.
    sql: `
      CREATE TABLE acceptance_targets (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        version INTEGER NOT NULL CHECK (version > 0),
        data TEXT NOT NULL CHECK (json_valid(data) AND json_type(data) = 'object'),
        note TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
        created_by TEXT,
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (year, version)
      );
      CREATE TRIGGER acceptance_targets_kept_update BEFORE UPDATE ON acceptance_targets
        BEGIN SELECT RAISE(ABORT, 'targets are kept as written: add a version'); END;
      CREATE TRIGGER acceptance_targets_kept_delete BEFORE DELETE ON acceptance_targets
        BEGIN SELECT RAISE(ABORT, 'targets are kept as written: add a version'); END;
      CREATE TABLE acceptance_records (
        id INTEGER PRIMARY KEY,
        year INTEGER NOT NULL,
        village_id INTEGER NOT NULL REFERENCES villages(id),
        adjustments TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(adjustments) AND json_type(adjustments) = 'array'),
        remarks TEXT NOT NULL DEFAULT '' CHECK (length(remarks) <= 4000),
        passed INTEGER CHECK (passed IN (0, 1)),
        signed_off_by TEXT,
        signed_off_at TEXT,
        snapshot TEXT CHECK (snapshot IS NULL OR json_valid(snapshot)),
        updated_by TEXT,
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (year, village_id),
        CHECK ((passed IS NULL) = (signed_off_at IS NULL)),
        CHECK ((signed_off_by IS NULL) = (signed_off_at IS NULL))
      );
    `,
  },
  {
    version: 14,
    name: 'photos keep the id the phone gave the upload, so a retry after a lost answer is not a second copy',
    sql: `
      ALTER TABLE photos ADD COLUMN client_id TEXT CHECK (client_id IS NULL OR length(client_id) <= 80);
      CREATE UNIQUE INDEX photos_client ON photos(premise_id, client_id) WHERE client_id IS NOT NULL;
    `,
  },
  {
    version: 15,
    name: 'an account may be limited to some townships of the district (their codes; [] the whole district)',
    sql: `
      ALTER TABLE users ADD COLUMN township_codes TEXT NOT NULL DEFAULT '[]'
        CHECK (json_valid(township_codes) AND json_type(township_codes) = 'array');
    `,
  },
  {
    version: 16,
    name: 'what several servers share in the record: failed logins; on PostgreSQL also the model snapshot and which premises changed',
    // Failed logins are counted in the record on both stores (a restart forgets none). PostgreSQL's
    // twin (pg-migrations.ts) also keeps the model's snapshot and each premise's last change there;
    // SQLite keeps its snapshot in a file beside the database, and one server holds it.
    sql: `
      CREATE TABLE login_failures (key TEXT NOT NULL, at_ms INTEGER NOT NULL);
      CREATE INDEX login_failures_key ON login_failures (key, at_ms);
    `,
  },
  {
    version: 17,
    name: 'photos kept in the record on PostgreSQL, where several servers share it',
    // Nothing changes here: one SQLite server keeps its photos as files under DATA_DIR/photos (its
    // backups of the record stay small). PostgreSQL's twin keeps their bytes in the record, so every
    // server sharing it shows them without a shared folder.
    sql: '',
  },
  {
    version: 18,
    name: 'the offline ids of records indexed only where there is one',
    // Only records sent from a phone carry one: a seeded or imported million premises' 7 M records
    // none. Indexed whole, they were 7 M NULL entries to build (seconds on every seed) and to keep.
    // `client_id = ?` still finds the index, and two records still cannot share an id.
    sql: `
      DROP INDEX events_client_id;
      CREATE UNIQUE INDEX events_client_id ON events(client_id) WHERE client_id IS NOT NULL;
    `,
  },
];
