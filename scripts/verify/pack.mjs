#!/usr/bin/env node
// Pack check: what `npm publish` would upload (run `npm run build` first).
//
//   1. `npm pack` into a temp folder; the tarball may hold only dist/**, README.md, LICENSE,
//      package.json, CHANGELOG.md, and the file package.json "main" names (npm always packs that
//      one). In dist/ only compiled JavaScript, the codex files (*.node.json) and the icons (*.svg):
//      no TypeScript, declaration files or source maps; and the only JavaScript is the bundles the
//      "n8n" field names (the build bundles each one; any other .js would be a file n8n never
//      loads). README.md, LICENSE and package.json must be there; CHANGELOG.md may be (it is packed
//      only if package.json "files" lists it).
//   2. Unpacks it. Every file the "n8n" field of the packed package.json names ("credentials" and
//      "nodes") is loaded with `require` in a fresh `node` process, with only n8n-workflow, luxon and
//      zod resolvable (the modules n8n lends a community node; taken from this project's
//      node_modules through NODE_PATH), and the class named after the file is built with `new`: a
//      node must have a description with name, displayName, version, properties; a credential
//      name, displayName, properties. Icons given as `file:` must be in the tarball beside it.
//      The "main" file is loaded the same way.
//   3. Prints the packed and unpacked size and the file count; exits 1 on any failure.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RUNTIME_MODULES = ['n8n-workflow', 'luxon', 'zod'];
const ROOT_FILES = ['README.md', 'LICENSE', 'package.json', 'CHANGELOG.md'];
const REQUIRED_FILES = ['README.md', 'LICENSE', 'package.json'];
const DIST_FILE = /^dist\/.+\.(js|svg|node\.json)$/;

const failures = [];
const fail = (message) => failures.push(message);

// Runs in the fresh process: loads one file and builds its class, printing a JSON line.
const LOADER = String.raw`
const path = require('node:path');
const fs = require('node:fs');
const [file, kind] = process.argv.slice(1);
const exported = require(path.resolve(file));
const className = path.basename(file).split('.')[0];
const out = { file, className, exports: Object.keys(exported) };
if (kind === 'main') {
	out.ok = out.exports.length > 0;
	for (const [name, value] of Object.entries(exported)) {
		if (typeof value !== 'function') { out.ok = false; out.error = name + ' is not a class'; }
		else new value();
	}
} else {
	const Class = exported[className];
	if (typeof Class !== 'function') {
		out.ok = false;
		out.error = 'exports no class ' + className;
	} else {
		const instance = new Class();
		const d = kind === 'node' ? instance.description : instance;
		const missing = (kind === 'node' ? ['name', 'displayName', 'version', 'properties'] : ['name', 'displayName', 'properties'])
			.filter((key) => d == null || d[key] === undefined);
		out.name = d && d.name;
		out.displayName = d && d.displayName;
		if (kind === 'node') {
			out.version = d && d.version;
			out.group = d && d.group;
		}
		out.properties = d && Array.isArray(d.properties) ? d.properties.length : undefined;
		const icons = d && d.icon ? (typeof d.icon === 'string' ? [d.icon] : Object.values(d.icon)) : [];
		const missingIcons = icons
			.filter((icon) => typeof icon === 'string' && icon.startsWith('file:'))
			.map((icon) => icon.slice(5))
			.filter((icon) => !fs.existsSync(path.join(path.dirname(path.resolve(file)), icon)));
		out.ok = missing.length === 0 && missingIcons.length === 0 && Array.isArray(d.properties);
		if (missing.length) out.error = 'missing ' + missing.join(', ');
		if (missingIcons.length) out.error = (out.error ? out.error + '; ' : '') + 'icon not packed: ' + missingIcons.join(', ');
	}
}
process.stdout.write(JSON.stringify(out) + '\n');
`;

function kib(bytes) {
	return `${(bytes / 1024).toFixed(1)} kB`;
}

/** A folder with only the modules n8n lends a node, linked from this project's node_modules. */
function runtimeModules(dir) {
	const modules = path.join(dir, 'runtime_modules');
	fs.mkdirSync(modules);
	for (const name of RUNTIME_MODULES) {
		const target = path.join(root, 'node_modules', name);
		if (!fs.existsSync(target)) throw new Error(`${name} is not installed: run \`npm ci\` first`);
		fs.symlinkSync(target, path.join(modules, name), 'dir');
	}
	return modules;
}

function load(unpacked, nodePath, file, kind) {
	const child = spawnSync(process.execPath, ['-e', LOADER, file, kind], {
		cwd: unpacked,
		env: { PATH: process.env.PATH, NODE_PATH: nodePath, TZ: process.env.TZ ?? 'UTC' },
		encoding: 'utf8',
		timeout: 60_000,
	});
	const line = child.stdout.trim().split('\n').pop();
	if (child.status !== 0 || !line) {
		const lines = (child.stderr || child.error?.message || `exit ${child.status}`).trim().split('\n');
		const at = Math.max(
			0,
			lines.findIndex((l) => /^\w*Error\b/.test(l)),
		);
		const why = lines.slice(at, at + 4).join('\n    ');
		return { file, ok: false, error: why };
	}
	return JSON.parse(line);
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'umeeting-pack-'));
try {
	const source = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	for (const file of [...(source.n8n?.nodes ?? []), ...(source.n8n?.credentials ?? [])]) {
		if (!fs.existsSync(path.join(root, file))) {
			throw new Error(`${file} (named in package.json "n8n") is missing: run \`npm run build\` first`);
		}
	}

	const [info] = JSON.parse(
		execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
			cwd: root,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'inherit'],
		}),
	);
	const files = info.files.map((f) => f.path);
	const main = source.main ? path.posix.normalize(source.main) : undefined;

	// 1. contents
	const unexpected = files.filter(
		(file) => !(ROOT_FILES.includes(file) || file === main || DIST_FILE.test(file)),
	);
	if (unexpected.length) {
		const shown = unexpected.slice(0, 10).join(', ');
		fail(`${unexpected.length} files not to be packed: ${shown}${unexpected.length > 10 ? ', …' : ''}`);
	}
	for (const file of REQUIRED_FILES) if (!files.includes(file)) fail(`missing from the tarball: ${file}`);
	const named = new Set([...(source.n8n?.nodes ?? []), ...(source.n8n?.credentials ?? [])]);
	const unbundled = files.filter((file) => /^dist\/.+\.js$/.test(file) && !named.has(file));
	if (unbundled.length) {
		fail(
			`${unbundled.length} .js files in dist/ that package.json "n8n" does not name: ${unbundled.slice(0, 5).join(', ')}`,
		);
	}

	// 2. load what n8n loads, from the unpacked tarball
	const unpacked = path.join(work, 'package');
	fs.mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', path.join(work, info.filename), '-C', unpacked, '--strip-components=1']);
	const packed = JSON.parse(fs.readFileSync(path.join(unpacked, 'package.json'), 'utf8'));
	const nodePath = runtimeModules(work);
	const targets = [
		...(packed.n8n?.credentials ?? []).map((file) => [file, 'credential']),
		...(packed.n8n?.nodes ?? []).map((file) => [file, 'node']),
		...(main ? [[main, 'main']] : []),
	];
	if (!(packed.n8n?.nodes ?? []).length) fail('package.json "n8n" names no node');
	const loaded = targets.map(([file, kind]) => ({ kind, ...load(unpacked, nodePath, file, kind) }));

	console.log(
		`${info.filename}: ${info.entryCount} files, packed ${kib(info.size)}, unpacked ${kib(info.unpackedSize)}`,
	);
	const byTop = {};
	for (const file of files) {
		const top = file.includes('/') ? `${file.split('/')[0]}/` : file;
		byTop[top] = (byTop[top] ?? 0) + 1;
	}
	const byExt = {};
	for (const file of files.filter((f) => f.startsWith('dist/'))) {
		const ext = /\.node\.json$/.test(file) ? '.node.json' : path.extname(file);
		byExt[ext] = (byExt[ext] ?? 0) + 1;
	}
	console.log(
		`contents: ${Object.entries(byTop)
			.map(([k, v]) => `${k} ${v}`)
			.join(', ')}`,
	);
	console.log(
		`dist/: ${Object.entries(byExt)
			.map(([k, v]) => `${v} ${k}`)
			.join(', ')}`,
	);
	if (!files.includes('CHANGELOG.md'))
		console.log('CHANGELOG.md: not packed (package.json "files" does not list it)');
	for (const r of loaded) {
		const what =
			r.kind === 'main'
				? `exports ${r.exports?.join(', ')}`
				: `${r.className} → name ${JSON.stringify(r.name)}, "${r.displayName}"` +
					(r.kind === 'node'
						? `, version ${JSON.stringify(r.version)}, group ${JSON.stringify(r.group)}`
						: '') +
					`, ${r.properties} properties`;
		console.log(
			`${r.ok ? 'loads' : 'FAILS'}  ${r.kind.padEnd(10)} ${r.file}${r.ok ? `: ${what}` : `\n    ${r.error}`}`,
		);
		if (!r.ok) fail(`${r.file} does not load or build: ${r.error}`);
	}
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}

if (failures.length) {
	for (const message of failures) console.log(`FAIL ${message}`);
	console.log(`pack check: ${failures.length} failed`);
	process.exitCode = 1;
} else {
	console.log(
		'pack check: passed (only allowed files packed; every file the "n8n" field names loads and builds)',
	);
}
