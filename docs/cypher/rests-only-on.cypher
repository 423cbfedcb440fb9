MATCH (c:Node)-[:SUPPORTED_BY*1..30]->(g:Node)
WHERE c.type = 'claim' AND g.type = 'entity'
  AND NOT EXISTS { MATCH (g)-[:SUPPORTED_BY]->() }
WITH c, collect(DISTINCT g) AS grounds, ';' + $tag + ';' AS wanted
WHERE all(x IN grounds WHERE (';' + coalesce(x.tags, '') + ';') CONTAINS wanted)
RETURN c.id AS claim
ORDER BY claim;
