const path = require('node:path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '../..');
const { n8n } = require(path.join(root, 'package.json'));

/**
 * The files n8n loads, each built from the .ts file of the same path: every file the "n8n" field of
 * package.json names (nodes and credentials), e.g. dist/nodes/UMeeting/UMeeting.node.js from
 * nodes/UMeeting/UMeeting.node.ts.
 */
const ENTRY_POINTS = [...n8n.nodes, ...n8n.credentials].map((file) =>
	path.relative('dist', file).replace(/\.js$/, '.ts'),
);

/**
 * One self-contained CommonJS file per entry point, written under `outdir` (dist/ for the build).
 *
 * n8n requires every node and credential file of a package at start-up, in the main process, in
 * every queue worker and at every `n8n execute`. Loaded as ~125 small files, most of that time went
 * to resolving, reading and compiling them; the source keeps its small files, what n8n loads is one
 * file per entry point.
 */
function bundle(outdir = path.join(root, 'dist')) {
	return esbuild.build({
		absWorkingDir: root,
		entryPoints: ENTRY_POINTS,
		outdir,
		outbase: '.',
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		// What n8n lends a community node, resolved from n8n's own node_modules at run time: never
		// copied in (the package has no runtime dependencies, and a second copy of n8n-workflow would
		// break n8n's instanceof checks on its error classes).
		external: ['n8n-workflow', 'luxon', 'zod'],
		// A stack trace must lead a maintainer to the source without a source map (the package ships
		// none: they would point at .ts files it does not contain). Unminified output keeps the code
		// as written and the function and class names, and esbuild heads each inlined module with a
		// `// nodes/UMeeting/….ts` comment: the nearest such comment above a stack frame's line names
		// its source file (README, Development).
		minify: false,
		keepNames: true,
		sourcemap: false,
		logLevel: 'warning',
	});
}

module.exports = { ENTRY_POINTS, bundle };
