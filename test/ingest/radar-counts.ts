/**
 * Egos, alters and ties (raw rows, by type) in fixtures/network-canvas-radar, counted independently with
 * Python's csv module (cells may hold newlines):
 *   cd fixtures/network-canvas-radar && python3 -c "import csv,glob,re,collections; c=collections.Counter()
 *   for f in glob.glob('*.csv'):
 *       m=re.search(r'_(ego|attributeList_\w+|edgeList_\w+)\.csv$',f); c[m.group(1)]+=sum(1 for _ in csv.reader(open(f,newline='')))-1
 *   print(dict(sorted(c.items())))"
 *   → {'attributeList_Person': 63, 'edgeList_Close': 56, 'edgeList_DrugTie': 10, 'edgeList_SexTie': 14, 'ego': 10}
 */
export const RADAR_COUNTS = {
  egos: 10,
  alters: 63,
  ties: 80,
  nodeTypes: { Person: 63 },
  edgeTypes: { Close: 56, DrugTie: 10, SexTie: 14 },
};
