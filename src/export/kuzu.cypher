// Creates the claimgraph tables in a Kùzu database and loads nodes.csv, edges.csv and
// support.csv. Run it from the folder that holds them: kuzu DB < kuzu.cypher
CREATE NODE TABLE Node(id STRING PRIMARY KEY, label STRING, type STRING, kind STRING, name STRING, text STRING, tags STRING, aliases STRING, part_of STRING, reliability STRING, date STRING, topics STRING, credibility INT64, verdict STRING);
CREATE REL TABLE ASSERTS(FROM Node TO Node, date STRING, quote STRING, in_doc STRING, note STRING);
CREATE REL TABLE DENIES(FROM Node TO Node, date STRING, quote STRING, in_doc STRING, note STRING);
CREATE REL TABLE CITES(FROM Node TO Node, date STRING, quote STRING, in_doc STRING, note STRING);
CREATE REL TABLE SUPPORTED_BY(FROM Node TO Node);
COPY Node FROM 'nodes.csv' (HEADER=true, PARALLEL=false);
COPY ASSERTS FROM (LOAD FROM 'edges.csv' (HEADER=true, PARALLEL=false) WHERE `:TYPE` = 'ASSERTS' RETURN `:START_ID`, `:END_ID`, date, quote, `in`, note);
COPY DENIES FROM (LOAD FROM 'edges.csv' (HEADER=true, PARALLEL=false) WHERE `:TYPE` = 'DENIES' RETURN `:START_ID`, `:END_ID`, date, quote, `in`, note);
COPY CITES FROM (LOAD FROM 'edges.csv' (HEADER=true, PARALLEL=false) WHERE `:TYPE` = 'CITES' RETURN `:START_ID`, `:END_ID`, date, quote, `in`, note);
COPY SUPPORTED_BY FROM 'support.csv' (HEADER=true);
