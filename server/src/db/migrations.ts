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
];
