package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"github.com/crosscheck/crosscheck/internal/store/internal/migrate"
)

// migrations is the ordered schema history. Never edit an applied entry;
// append a new one. Times are INTEGER unix microseconds.
var migrations = []migrate.Migration{
	{Version: 1, Name: "initial schema", SQL: `
CREATE TABLE articles (
	rowid     INTEGER PRIMARY KEY,
	id        TEXT NOT NULL UNIQUE,
	hash      TEXT NOT NULL UNIQUE,
	input     TEXT NOT NULL,
	url       TEXT NOT NULL,
	outlet    TEXT NOT NULL,
	title     TEXT NOT NULL,
	published TEXT NOT NULL,
	body      TEXT NOT NULL,
	doc       TEXT NOT NULL,
	added     INTEGER NOT NULL
);
CREATE TABLE raw_inputs (
	article_rowid INTEGER PRIMARY KEY REFERENCES articles(rowid) ON DELETE CASCADE,
	bytes         BLOB,
	meta          TEXT NOT NULL,
	body_from     INTEGER NOT NULL
);
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, body,
	content='articles', content_rowid='rowid',
	tokenize='porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
	INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, body ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, old.body);
	INSERT INTO articles_fts(rowid, title, body) VALUES (new.rowid, new.title, new.body);
END;
CREATE TABLE stories (
	id      TEXT PRIMARY KEY,
	title   TEXT NOT NULL,
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX stories_updated ON stories(updated DESC, id);
CREATE TABLE story_aliases (
	id       TEXT PRIMARY KEY,
	story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE TABLE story_articles (
	article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	story_id   TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX story_articles_story ON story_articles(story_id, seq);
CREATE TABLE story_terms (
	story_id  TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	term      TEXT NOT NULL,
	weight    REAL NOT NULL,
	last_seen INTEGER NOT NULL,
	PRIMARY KEY (story_id, term)
) WITHOUT ROWID;
CREATE INDEX story_terms_term ON story_terms(term, last_seen, story_id, weight);
CREATE TABLE briefings (
	story_id      TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
	version       INTEGER NOT NULL,
	updated       INTEGER NOT NULL,
	story_updated INTEGER NOT NULL,
	doc           TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE rejected (
	id     INTEGER PRIMARY KEY,
	input  TEXT NOT NULL,
	reason TEXT NOT NULL,
	at     INTEGER NOT NULL
);
`},
	// The story term index was written by ingest and read by nothing
	// (clustering rebuilds its state from the articles).
	{Version: 2, Name: "drop story term index", SQL: `
DROP INDEX IF EXISTS story_terms_term;
DROP TABLE IF EXISTS story_terms;
`},
	// The briefing queue (store.BriefQueue); times are unix microseconds,
	// lease_until 0 when not leased, failed 0 when no attempt failed.
	{Version: 3, Name: "briefing queue", SQL: `
CREATE TABLE brief_queue (
	story_id    TEXT PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
	gen         INTEGER NOT NULL,
	queued      INTEGER NOT NULL,
	due         INTEGER NOT NULL,
	attempts    INTEGER NOT NULL DEFAULT 0,
	last_error  TEXT NOT NULL DEFAULT '',
	failed      INTEGER NOT NULL DEFAULT 0,
	lease_until INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
CREATE INDEX brief_queue_due ON brief_queue(due, story_id);
`},
	// Story time (news.StoryTime): the event day and the coverage span,
	// written from each briefing; 0 and '' when unknown. Listings order
	// by the latest publication, undated stories last.
	{Version: 4, Name: "story time", SQL: `
ALTER TABLE stories ADD COLUMN event TEXT NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN first_published INTEGER NOT NULL DEFAULT 0;
ALTER TABLE stories ADD COLUMN latest_published INTEGER NOT NULL DEFAULT 0;
CREATE INDEX stories_news ON stories(latest_published DESC, updated DESC, id);
`},
	// The story a later development follows (news.Story.Follows).
	{Version: 5, Name: "story follows", SQL: `
ALTER TABLE stories ADD COLUMN follows TEXT NOT NULL DEFAULT '';
`},
	// The clusterer's state (store.ClusterState). Filled as articles are
	// placed; an archive clustered before is filled once by the ingest
	// engine on its first start (it needs the clusterer, not SQL).
	{Version: 6, Name: "cluster state", SQL: `
CREATE TABLE cluster_meta (
	id    INTEGER PRIMARY KEY CHECK (id = 1),
	state BLOB NOT NULL
);
CREATE TABLE cluster_stories (
	id       TEXT PRIMARY KEY,
	story_id TEXT NOT NULL,
	head     BLOB NOT NULL,
	state    BLOB NOT NULL,
	cache    BLOB NOT NULL
) WITHOUT ROWID;
CREATE TABLE cluster_df (
	term TEXT PRIMARY KEY,
	df   INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE cluster_postings (
	term  TEXT NOT NULL,
	seq   INTEGER NOT NULL,
	story TEXT NOT NULL,
	PRIMARY KEY (term, seq)
) WITHOUT ROWID;
`},
	// Stale stories (StaleStories) by an index, not a scan: briefed is
	// the story's updated time its briefing was built from
	// (briefings.story_updated), -1 when never briefed; the partial
	// index holds only the stories whose briefing is out of date, so
	// that an ingest's look for them costs what it finds, not the
	// archive's size (a scan of every story and its briefing took about
	// 0.1 s per 30,000 stories).
	{Version: 7, Name: "stale story index", SQL: `
ALTER TABLE stories ADD COLUMN briefed INTEGER NOT NULL DEFAULT -1;
UPDATE stories SET briefed = coalesce((SELECT story_updated FROM briefings WHERE story_id = stories.id), -1);
CREATE INDEX stories_stale ON stories(updated, id) WHERE briefed < updated;
`},
	// The clusterer's story heads (ClusterStories without full) from a
	// covering index: a decision reads the heads of up to 2,000 stories
	// that its terms' postings name, and in cluster_stories each head
	// sits beside kilobytes of state, one page or more a story: on a
	// 300,000-article archive those reads went to the disk. The index
	// holds the heads alone, a few megabytes.
	{Version: 8, Name: "cluster story heads", SQL: `
CREATE INDEX cluster_stories_head ON cluster_stories(id, story_id, head);
`},
}

// migrateDB applies the migrations not yet recorded in schema_migrations, all
// in one IMMEDIATE transaction so that concurrent openers serialise and a
// crash leaves the schema as it was. clock stamps each migration applied.
func migrateDB(ctx context.Context, db *sql.DB, clock func() time.Time) error {
	tx, err := db.BeginTx(ctx, nil) // the write pool opens IMMEDIATE transactions
	if err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	var cur int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&cur); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	err = migrate.Apply(migrations, cur, func(m migrate.Migration) error {
		if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations(version, name, applied) VALUES (?, ?, ?)`,
			m.Version, m.Name, clock().UnixMicro())
		return err
	})
	if err != nil {
		return fmt.Errorf("sqlite: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("sqlite: migrate: %w", err)
	}
	return nil
}
