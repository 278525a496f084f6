/** Workspace schema, as a list of migrations. A file is opened at any older version and moved forward. */
import { historyTablesSql } from './dimension-history';

export interface Migration {
  version: number;
  description: string;
  statements: string[];
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    description: 'raw tables, import log',
    statements: [
      `CREATE TABLE IF NOT EXISTS pinsight_meta (key VARCHAR PRIMARY KEY, value VARCHAR)`,
      `CREATE TYPE event_type AS ENUM ('impression', 'closeup', 'save', 'link_click', 'carousel_swipe', 'video_play')`,
      `CREATE TYPE app_type AS ENUM ('mobile', 'tablet', 'web')`,
      `CREATE TYPE content_type AS ENUM ('organic', 'paid')`,
      `CREATE TABLE import_log (
         import_id INTEGER PRIMARY KEY, file VARCHAR NOT NULL, kind VARCHAR NOT NULL, content_hash VARCHAR NOT NULL,
         rows BIGINT NOT NULL, rejected BIGINT NOT NULL, imported_at TIMESTAMP NOT NULL)`,
      `CREATE TABLE accounts (account_id VARCHAR PRIMARY KEY, type VARCHAR NOT NULL, value VARCHAR NOT NULL)`,
      `CREATE TABLE boards (board_id VARCHAR PRIMARY KEY, name VARCHAR, owner_id VARCHAR)`,
      `CREATE TABLE pins (
         pin_id VARCHAR PRIMARY KEY, image_signature VARCHAR, destination_url VARCHAR, board_id VARCHAR,
         creator_id VARCHAR, created_at TIMESTAMP, pin_format VARCHAR, parent_pin_id VARCHAR, title VARCHAR)`,
      `CREATE TABLE spam_users (user_id VARCHAR PRIMARY KEY)`,
      `CREATE TABLE events (
         event_id VARCHAR, event_time TIMESTAMP NOT NULL, event_type event_type NOT NULL, pin_id VARCHAR NOT NULL,
         user_id VARCHAR NOT NULL, app_type app_type, content_type content_type NOT NULL,
         watch_ms INTEGER, progress_pct DOUBLE, in_view_pct DOUBLE, import_id INTEGER NOT NULL)`,
    ],
  },
  {
    version: 2,
    description: 'workspace settings and rejected rows',
    statements: [
      `INSERT OR IGNORE INTO pinsight_meta VALUES ('time_zone', 'UTC')`,
      `CREATE TABLE import_rejects (import_id INTEGER NOT NULL, file VARCHAR NOT NULL, line BIGINT NOT NULL, reason VARCHAR NOT NULL)`,
    ],
  },
  {
    version: 3,
    description: 'Analytics export snapshots',
    statements: [
      `CREATE TABLE export_snapshots (
         snapshot_id INTEGER PRIMARY KEY, import_id INTEGER NOT NULL, file VARCHAR NOT NULL, language VARCHAR NOT NULL,
         report VARCHAR, legacy BOOLEAN NOT NULL, date_from DATE NOT NULL, date_to DATE NOT NULL,
         content_type VARCHAR NOT NULL, device VARCHAR NOT NULL, source VARCHAR NOT NULL, format VARCHAR NOT NULL,
         accounts VARCHAR NOT NULL)`,
      `CREATE TABLE export_daily (snapshot_id INTEGER NOT NULL, day DATE NOT NULL, metric VARCHAR NOT NULL, value DOUBLE)`,
      `CREATE TABLE export_totals (snapshot_id INTEGER NOT NULL, section VARCHAR NOT NULL, metric VARCHAR NOT NULL, value DOUBLE)`,
      `CREATE TABLE export_top (
         snapshot_id INTEGER NOT NULL, section VARCHAR NOT NULL, rank INTEGER NOT NULL, pin_id VARCHAR, title VARCHAR,
         board VARCHAR, metric VARCHAR NOT NULL, value DOUBLE)`,
    ],
  },
  {
    version: 4,
    description:
      'events stored with FSST for the unique-ish text ids (about twice as fast to write as the default); Pin source and format as ENUMs for the derived tables',
    statements: [
      `CREATE TYPE source_kind AS ENUM ('yours', 'others')`,
      `CREATE TYPE format_kind AS ENUM ('standard', 'video', 'carousel')`,
      `CREATE TABLE events_v4 (
         event_id VARCHAR USING COMPRESSION fsst, event_time TIMESTAMP NOT NULL, event_type event_type NOT NULL,
         pin_id VARCHAR NOT NULL, user_id VARCHAR USING COMPRESSION fsst NOT NULL, app_type app_type,
         content_type content_type NOT NULL, watch_ms INTEGER, progress_pct DOUBLE, in_view_pct DOUBLE, import_id INTEGER NOT NULL)`,
      `INSERT INTO events_v4 SELECT * FROM events`,
      `DROP TABLE events`,
      `ALTER TABLE events_v4 RENAME TO events`,
    ],
  },
  {
    version: 5,
    description:
      'events carry the hashes of their user (for audiences) and Pin (to join the Pins) and a mark for duplicates; the cleaned events are a view over them instead of a second copy; Pin ids stored with dictionary compression',
    statements: [
      `CREATE TABLE events_v5 (
         event_id VARCHAR USING COMPRESSION fsst, event_time TIMESTAMP NOT NULL, event_type event_type NOT NULL,
         pin_id VARCHAR USING COMPRESSION dictionary NOT NULL, user_id VARCHAR USING COMPRESSION fsst NOT NULL, app_type app_type,
         content_type content_type NOT NULL, watch_ms INTEGER, progress_pct DOUBLE, in_view_pct DOUBLE, import_id INTEGER NOT NULL,
         user_hash UBIGINT NOT NULL, pin_hash UBIGINT NOT NULL, is_duplicate BOOLEAN)`,
      `INSERT INTO events_v5 SELECT *, hash(user_id), hash(pin_id), NULL FROM events`,
      `DROP TABLE events`,
      `ALTER TABLE events_v5 RENAME TO events`,
      // Re-derived at the next open (the derived version changes with this one); duplicates are judged again then.
      `DROP TABLE IF EXISTS events_clean`,
      `DROP TABLE IF EXISTS events_clean_next`,
      `DELETE FROM pinsight_meta WHERE key = 'derived_through'`,
      // Size and edges of each imported file: whether a file can have been imported before, without reading it all.
      `ALTER TABLE import_log ADD COLUMN quick_sig VARCHAR`,
    ],
  },
  {
    version: 6,
    description: 'the rows each import of Pins, boards, accounts and spam users brought, so that it can be taken out again',
    statements: historyTablesSql(),
  },
  {
    version: 7,
    description: 'saved views: named states of the workbench, kept with the data they look at',
    statements: [
      `CREATE TABLE saved_views (
         view_id INTEGER PRIMARY KEY, name VARCHAR NOT NULL UNIQUE, state VARCHAR NOT NULL, saved_at TIMESTAMP NOT NULL)`,
    ],
  },
  {
    version: 8,
    description:
      "the overview's rollup summed over Pins (rollup_combo), made when the workspace is opened (completeDerived); " +
      'an older Pinsight would import into the workspace without keeping it up to date, so it may no longer open it',
    statements: [`DELETE FROM pinsight_meta WHERE key = 'combo_rollup'`],
  },
];

export const SCHEMA_VERSION = MIGRATIONS.reduce((v, m) => Math.max(v, m.version), 0);
