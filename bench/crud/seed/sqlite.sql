-- The data benchmark's 100 000 books for SQLite, loaded once into the table the server's
-- migration created; every server then reads (or writes to a copy of) the same file.
-- Prices run over 0.00–49.99 in cents, a third of the rows each draft/published/archived,
-- one creation second per row; the same rows as postgres.sql.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100000)
INSERT INTO "books" ("id", "title", "price", "status", "author", "created_at", "updated_at")
SELECT i,
       'Book ' || i,
       (i * 37 % 5000) / 100.0,
       CASE i % 3 WHEN 0 THEN 'draft' WHEN 1 THEN 'published' ELSE 'archived' END,
       i % 500 + 1,
       strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || i || ' seconds'),
       strftime('%Y-%m-%dT%H:%M:%fZ', '2026-01-01', '+' || i || ' seconds')
FROM n;
ANALYZE;
