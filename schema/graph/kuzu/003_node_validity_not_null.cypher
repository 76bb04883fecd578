// Every node's validTo is '' while it is current, never NULL (the lineage walk tests `= ''` only: much cheaper inside a recursive join).
// Rows written before this rule get '' once; later runs find none to change.
MATCH (n:Node) WHERE n.validTo IS NULL SET n.validTo = '';
