package postgres

import (
	"context"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/crosscheck/crosscheck/internal/store/internal/migrate"
)

// migrationLock is the pg_advisory_xact_lock key that serialises migrating
// processes ("crosschk" in ASCII).
const migrationLock int64 = 0x63726f737363686b

// migrations is the ordered schema history. Never edit an applied entry;
// append a new one. JSON documents are bytea, not jsonb: jsonb rejects
// \u0000, which scraped input can contain.
var migrations = []migrate.Migration{
	{Version: 1, Name: "initial schema", SQL: `
CREATE TABLE articles (
	id        text PRIMARY KEY,
	hash      text NOT NULL UNIQUE,
	input     text NOT NULL,
	url       text NOT NULL,
	outlet    text NOT NULL,
	title     text NOT NULL,
	published text NOT NULL,
	body      text NOT NULL,
	doc       bytea NOT NULL,
	added     timestamptz NOT NULL,
	tsv       tsvector GENERATED ALWAYS AS (
		setweight(to_tsvector('english'::regconfig, title), 'A') ||
		setweight(to_tsvector('english'::regconfig, body), 'B')) STORED
);
CREATE INDEX articles_tsv ON articles USING gin (tsv);
CREATE TABLE raw_inputs (
	article_id text PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	bytes      bytea,
	meta       bytea NOT NULL,
	body_from  integer NOT NULL
);
CREATE TABLE stories (
	id      text PRIMARY KEY,
	title   text NOT NULL,
	created timestamptz NOT NULL,
	updated timestamptz NOT NULL
);
CREATE INDEX stories_updated ON stories (updated DESC, id);
CREATE TABLE story_aliases (
	id       text PRIMARY KEY,
	story_id text NOT NULL REFERENCES stories(id) ON DELETE CASCADE
);
CREATE INDEX story_aliases_story ON story_aliases (story_id);
CREATE SEQUENCE story_articles_seq;
CREATE TABLE story_articles (
	article_id text PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	story_id   text NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	seq        bigint NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id, seq);
CREATE TABLE story_terms (
	story_id  text NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	term      text NOT NULL,
	weight    double precision NOT NULL,
	last_seen timestamptz NOT NULL,
	PRIMARY KEY (story_id, term)
);
CREATE INDEX story_terms_term ON story_terms (term, last_seen) INCLUDE (story_id, weight);
CREATE TABLE briefings (
	story_id      text PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
	version       bigint NOT NULL,
	updated       timestamptz NOT NULL,
	story_updated timestamptz NOT NULL,
	doc           bytea NOT NULL
);
CREATE TABLE rejected (
	id     bigserial PRIMARY KEY,
	input  text NOT NULL,
	reason text NOT NULL,
	at     timestamptz NOT NULL
);
`},
	{Version: 2, Name: "article ingest order", SQL: `
ALTER TABLE articles ADD COLUMN seq bigserial;
CREATE UNIQUE INDEX articles_seq ON articles (seq);
`},
	// The story term index was written by ingest and read by nothing
	// (clustering rebuilds its state from the articles).
	{Version: 3, Name: "drop story term index", SQL: `
DROP TABLE IF EXISTS story_terms;
`},
	// The briefing queue (store.BriefQueue).
	{Version: 4, Name: "briefing queue", SQL: `
CREATE TABLE brief_queue (
	story_id    text PRIMARY KEY REFERENCES stories(id) ON DELETE CASCADE,
	gen         bigint NOT NULL,
	queued      timestamptz NOT NULL,
	due         timestamptz NOT NULL,
	attempts    integer NOT NULL DEFAULT 0,
	last_error  text NOT NULL DEFAULT '',
	failed      timestamptz,
	lease_until timestamptz NOT NULL DEFAULT '-infinity'
);
CREATE INDEX brief_queue_due ON brief_queue (due, story_id);
`},
	// Story time (news.StoryTime): the event day and the coverage span,
	// written from each briefing; '' and NULL when unknown. Listings
	// order by the latest publication, undated stories last.
	{Version: 5, Name: "story time", SQL: `
ALTER TABLE stories ADD COLUMN event text NOT NULL DEFAULT '';
ALTER TABLE stories ADD COLUMN first_published timestamptz;
ALTER TABLE stories ADD COLUMN latest_published timestamptz;
CREATE INDEX stories_news ON stories (latest_published DESC NULLS LAST, updated DESC, id);
`},
	// The story a later development follows (news.Story.Follows).
	{Version: 6, Name: "story follows", SQL: `
ALTER TABLE stories ADD COLUMN follows text NOT NULL DEFAULT '';
`},
	// The clusterer's state (store.ClusterState). Filled as articles are
	// placed; an archive clustered before is filled once by the ingest
	// engine on its first start (it needs the clusterer, not SQL).
	{Version: 7, Name: "cluster state", SQL: `
CREATE TABLE cluster_meta (
	id    integer PRIMARY KEY CHECK (id = 1),
	state bytea NOT NULL
);
CREATE TABLE cluster_stories (
	id       text PRIMARY KEY,
	story_id text NOT NULL,
	head     bytea NOT NULL,
	state    bytea NOT NULL,
	cache    bytea NOT NULL
);
CREATE TABLE cluster_df (
	term bytea PRIMARY KEY,
	df   integer NOT NULL
);
CREATE TABLE cluster_postings (
	term  bytea NOT NULL,
	seq   bigint NOT NULL,
	story text NOT NULL,
	PRIMARY KEY (term, seq)
);
`},
	// What each placement changed in the cluster state, by key
	// (store.ClusterChangeLog), for the recent placements only: a
	// process drops from memory only what the others changed.
	{Version: 8, Name: "cluster change log", SQL: `
CREATE TABLE cluster_changes (
	seq     bigint PRIMARY KEY,
	stories text[] NOT NULL,
	df      bytea[] NOT NULL,
	posted  bytea[] NOT NULL
);
`},
	// Who placed-to-be articles belong to (store.ArticleClaims): a row
	// per stored article not yet in a story, naming the store handle
	// that stored or took it over; placing the article removes it.
	// Articles left unplaced before this migration belong to no one.
	{Version: 9, Name: "article claims", SQL: `
CREATE TABLE article_claims (
	article_id text PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
	owner      integer NOT NULL
);
INSERT INTO article_claims(article_id, owner)
	SELECT a.id, 0 FROM articles a
	WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_id = a.id);
CREATE FUNCTION article_placed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM article_claims WHERE article_id = NEW.article_id;
	RETURN NULL;
END $$;
CREATE TRIGGER article_placed AFTER INSERT ON story_articles
	FOR EACH ROW EXECUTE FUNCTION article_placed();
`},
	// Stale stories (StaleStories) by an index, not a scan: briefed is
	// the story's updated time its briefing was built from
	// (briefings.story_updated), -infinity when never briefed; the
	// partial index holds only the stories whose briefing is out of
	// date, so that an ingest's look for them costs what it finds, not
	// the archive's size (a scan of every story and its briefing took
	// 139 ms at 44,000 stories).
	{Version: 10, Name: "stale story index", SQL: `
ALTER TABLE stories ADD COLUMN briefed timestamptz NOT NULL DEFAULT '-infinity';
UPDATE stories s SET briefed = b.story_updated FROM briefings b WHERE b.story_id = s.id;
CREATE INDEX stories_stale ON stories (updated, id) WHERE briefed < updated;
`},
	// What a decision reads of the clusterer's state by index alone
	// (index-only scans), as SQLite's migration 8 does for the heads: a
	// term's newest postings (up to cluster.PostingScan) and the heads of
	// the stories they name. Without them each posting and each head was
	// a fetch of its own heap page: a term's postings were written an
	// article at a time, so its 100 newest lay on up to 100 pages, and a
	// head (some 20 bytes) sat in a row of kilobytes of state; at 100,000
	// articles the pages no longer fit the server's buffers, and the
	// clustering cost an article grew 3.4x from 1,600 stored. The keys
	// carry the columns read (INCLUDE), so no index is added to write;
	// inserted postings are vacuumed sooner than the default (a fifth of
	// the table), so that the visibility map covers the newest postings,
	// the ones read.
	{Version: 11, Name: "covering keys for the clustering reads", SQL: `
ALTER TABLE cluster_postings DROP CONSTRAINT cluster_postings_pkey,
	ADD CONSTRAINT cluster_postings_pkey PRIMARY KEY (term, seq) INCLUDE (story);
ALTER TABLE cluster_postings SET (autovacuum_vacuum_insert_scale_factor = 0.01);
ALTER TABLE cluster_stories DROP CONSTRAINT cluster_stories_pkey,
	ADD CONSTRAINT cluster_stories_pkey PRIMARY KEY (id) INCLUDE (story_id, head);
`},
	// LZ4 rather than pglz for the large values written at every
	// article (its text, document, tsvector and raw input, about 27 KB)
	// and placement (the story's state): pglz_compress was a tenth of the
	// server's CPU in an ingest (perf), LZ4 compresses several times
	// faster for a few percent more bytes. Values already stored keep
	// pglz (both read back the same). Only where the server has it
	// (PostgreSQL 14 or later, built with LZ4, lz4Check); otherwise
	// nothing changes, yet the migration is recorded as applied all the
	// same, so a server upgraded later keeps pglz for these columns until
	// they are altered by hand, as below (ALTER TABLE … ALTER COLUMN …
	// SET COMPRESSION lz4; docs/ARCHITECTURE.md gives the statements).
	{Version: 12, Name: "lz4 compression", SQL: `
DO $$
BEGIN
	IF NOT EXISTS (` + lz4Check + `) THEN
		RETURN;
	END IF;
	EXECUTE 'ALTER TABLE articles ALTER COLUMN body SET COMPRESSION lz4,
		ALTER COLUMN doc SET COMPRESSION lz4, ALTER COLUMN tsv SET COMPRESSION lz4';
	EXECUTE 'ALTER TABLE raw_inputs ALTER COLUMN bytes SET COMPRESSION lz4, ALTER COLUMN meta SET COMPRESSION lz4';
	EXECUTE 'ALTER TABLE cluster_stories ALTER COLUMN state SET COMPRESSION lz4, ALTER COLUMN cache SET COMPRESSION lz4';
	EXECUTE 'ALTER TABLE cluster_meta ALTER COLUMN state SET COMPRESSION lz4';
	EXECUTE 'ALTER TABLE cluster_changes ALTER COLUMN df SET COMPRESSION lz4, ALTER COLUMN posted SET COMPRESSION lz4';
	EXECUTE 'ALTER TABLE briefings ALTER COLUMN doc SET COMPRESSION lz4';
END $$;
`},
}

// lz4Check selects a row when the server can compress with LZ4
// (PostgreSQL 14 or later, built with it): migration 12's condition.
const lz4Check = `SELECT 1 FROM pg_settings WHERE name = 'default_toast_compression' AND 'lz4' = ANY(enumvals)`

// migrateDB applies the migrations not yet recorded in schema_migrations in
// one transaction holding a transaction-level advisory lock, so that
// processes opening the archive at once apply each migration exactly once.
// clock stamps each migration applied (the column's default, the server's
// clock, is not used).
func migrateDB(ctx context.Context, pool *pgxpool.Pool, migrations []migrate.Migration, clock func() time.Time) error {
	return pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrationLock); err != nil {
			return fmt.Errorf("postgres: migrate: lock: %w", err)
		}
		if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
			version integer PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`); err != nil {
			return fmt.Errorf("postgres: migrate: %w", err)
		}
		var cur int
		if err := tx.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&cur); err != nil {
			return fmt.Errorf("postgres: migrate: %w", err)
		}
		err := migrate.Apply(migrations, cur, func(m migrate.Migration) error {
			if _, err := tx.Exec(ctx, m.SQL); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations(version, name, applied) VALUES ($1, $2, $3)`, m.Version, m.Name, ts(clock()))
			return err
		})
		if err != nil {
			return fmt.Errorf("postgres: %w", err)
		}
		return nil
	})
}
