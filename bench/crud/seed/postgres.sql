-- The data benchmark's 100 000 books for PostgreSQL, loaded once into the table the server's
-- migration created (each run then gets a fresh copy, CREATE DATABASE … TEMPLATE); the same
-- rows as sqlite.sql.
INSERT INTO "books" ("id", "title", "price", "status", "author", "created_at", "updated_at")
SELECT i,
       'Book ' || i,
       (i * 37 % 5000) / 100.0,
       CASE i % 3 WHEN 0 THEN 'draft' WHEN 1 THEN 'published' ELSE 'archived' END,
       i % 500 + 1,
       TIMESTAMPTZ '2026-01-01 00:00:00+00' + i * INTERVAL '1 second',
       TIMESTAMPTZ '2026-01-01 00:00:00+00' + i * INTERVAL '1 second'
FROM generate_series(1, 100000) AS n(i);
SELECT setval(pg_get_serial_sequence('"books"', 'id'), 100000);
ANALYZE;
