/**
 * The report's stylesheet, inlined in the page (no fonts or files from anywhere: system fonts only). The
 * print rules drop backgrounds and the contents list, start each ego's sociogram on a new page and keep
 * figures and tables whole.
 */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { font-family: system-ui, "Segoe UI", "DejaVu Sans", Helvetica, Arial, sans-serif; color: #222; background: #fff;
  line-height: 1.45; max-width: 1120px; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.6rem; margin-bottom: .25rem; }
h2 { font-size: 1.3rem; border-bottom: 1px solid #bbb; margin-top: 2.5rem; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin-top: 1.8rem; }
.lead { color: #444; margin-top: 0; }
dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.summary dt { font-weight: 600; }
dl.summary dd { margin: 0; }
nav ol { columns: 2; font-size: .9rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: .75rem 0 .25rem; font-size: .85rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid #ddd; padding: .2rem .55rem; text-align: left; vertical-align: top; }
thead th { border-bottom: 2px solid #444; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
.note { font-size: .8rem; color: #555; margin: .15rem 0; max-width: 60rem; }
figure { margin: 1rem 0; }
figcaption { font-size: .85rem; margin-top: .35rem; max-width: 46rem; }
figcaption strong { display: block; font-size: .95rem; }
.charts { display: flex; flex-wrap: wrap; gap: 1.25rem 2rem; align-items: flex-start; }
.charts figure { margin: 0; max-width: 100%; }
svg { max-width: 100%; height: auto; }
.sociogram-figure { border-top: 1px solid #ccc; padding-top: 1rem; }
ul.problems { font-size: .85rem; }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  * { background: none !important; box-shadow: none !important; }
  nav { display: none; }
  h2, h3 { break-after: avoid; page-break-after: avoid; }
  figure, table, .table-wrap { break-inside: avoid; page-break-inside: avoid; }
  .sociogram-figure { break-before: page; page-break-before: always; border: none; }
  svg .background { fill: none; }
  a { color: inherit; text-decoration: none; }
}
`;
