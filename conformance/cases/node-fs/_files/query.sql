SELECT id, title
FROM notes
WHERE owner = $1;
