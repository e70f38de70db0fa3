// The layering of knack (DESIGN.md, STYLE.md rule 1), checked by `npm run lint`:
// imports flow skills -> src -> compiler -> sandbox -> core, never back; a folder is entered only
// through its index.ts door; another folder's `_file` is never imported. test/ may import
// anything below it (tests exercise internals); bench/ measures through doors only.
const layers = ['core', 'sandbox', 'compiler', 'src', 'skills'];

// Areas with one door each. A file may import files of its own area freely; any other area only
// through `<area>/index.ts`. src/cli is part of the src area: the CLI is a thin shell over the
// public API's modules and loads them lazily, one command at a time. src/serve is part of it too:
// the MCP server runs skills through `callSkill`, a module of the src area.
const areas = [
  { name: 'core', files: '^core/[^/]+$' },
  { name: 'sandbox', files: '^sandbox/[^/]+$' },
  { name: 'compiler', files: '^compiler/[^/]+$' },
  { name: 'compiler/import', files: '^compiler/import/[^/]+$' },
  { name: 'compiler/trace', files: '^compiler/trace/[^/]+$' },
  { name: 'compiler/check', files: '^compiler/check/[^/]+$' },
  { name: 'compiler/llm', files: '^compiler/llm/[^/]+$' },
  { name: 'compiler/providers', files: '^compiler/providers/[^/]+$' },
  { name: 'src', files: '^src/[^/]+$', members: '^src/([^/]+|cli/.+|serve/.+)$' },
  { name: 'src/store', files: '^src/store/[^/]+$' },
  { name: 'src/store/backends', files: '^src/store/backends/[^/]+$' },
  { name: 'src/diff', files: '^src/diff/[^/]+$' },
  { name: 'src/mcp', files: '^src/mcp/[^/]+$' },
  { name: 'src/search', files: '^src/search/[^/]+$' },
  { name: 'src/record', files: '^src/record/[^/]+$' },
  { name: 'src/cases', files: '^src/cases/[^/]+$' },
  { name: 'src/serve', files: '^src/serve/[^/]+$' },
  { name: 'skills', files: '^skills/[^/]+$' },
  { name: 'skills/support-desk', files: '^skills/support-desk/[^/]+$' },
  { name: 'skills/airline', files: '^skills/airline/[^/]+$' },
  { name: 'skills/recording', files: '^skills/recording/[^/]+$' },
];

const upward = layers.flatMap((layer, index) =>
  layers.slice(index + 1).map((higher) => ({
    name: `no-${layer}-to-${higher}`,
    comment: `${layer}/ is below ${higher}/: imports flow ${[...layers].reverse().join(' -> ')}, never back.`,
    severity: 'error',
    from: { path: `^${layer}/` },
    to: { path: `^${higher}/` },
  })),
);

const doors = areas.map((area) => ({
  name: `door-of-${area.name.replace(/\//g, '-')}`,
  comment: `${area.name}/ is entered through ${area.name}/index.ts only; export what others need there.`,
  severity: 'error',
  from: { path: '^(core|sandbox|compiler|src|skills|bench)/', pathNot: area.members ?? area.files },
  to: { path: area.files, pathNot: `^${area.name}/index\\.ts$` },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    ...upward,
    ...doors,
    {
      name: 'no-private-reach',
      comment: 'A `_file` is private to its folder: import it only from the same folder.',
      severity: 'error',
      from: { path: '^(.+)/[^/]+$', pathNot: '^test/' },
      to: { path: '/_[^/]+$', pathNot: '^$1/_[^/]+$' },
    },
    {
      name: 'no-layer-to-tests',
      comment: 'The library and the bench do not import test code; a bench helper lives in bench/.',
      severity: 'error',
      from: { path: '^(core|sandbox|compiler|src|skills|bench)/' },
      to: { path: '^test/' },
    },
    {
      name: 'no-layer-to-bench',
      severity: 'error',
      from: { path: '^(core|sandbox|compiler|src|skills)/' },
      to: { path: '^bench/' },
    },
    {
      name: 'no-circular',
      comment: 'No import cycles, type-only imports included: one home for each type.',
      severity: 'error',
      from: { path: '^(core|sandbox|compiler|src|skills)/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|skills/library)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
