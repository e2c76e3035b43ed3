#!/usr/bin/env node
// n8n's package scanner (@n8n/scan-community-package, pinned in devDependencies) on this checkout.
//
// The scanner's CLI only checks a version already published with provenance: it lints the source
// the provenance names (its SOURCE_FILE_PATTERNS) and the published tarball (compiled .js and
// package.json). This script calls the same `analyzePackage` with the same patterns on what a
// release would publish, before it is published:
//
//   1. tarball: `npm pack` of this folder (run `npm run build` first), unpacked to a temp folder,
//      linted with the scanner's tarball patterns (read from the installed scanner, so an upgrade
//      that changes them is followed, and one that drops them fails here instead of passing);
//   2. tarball, every file: the same tarball with analyzePackage's default patterns (all .js, .ts
//      and .json), so a declaration file or other stray file shipped again shows too;
//   3. source: this folder with SOURCE_FILE_PATTERNS (package.json, nodes/, credentials/).
//
// Prints a summary per run and the scanner's report for any failure; exits 1 if any run fails.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(path.join(root, 'package.json'));
const scannerPath = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
const scannerVersion = require('@n8n/scan-community-package/package.json').version;
const scannerRequire = createRequire(scannerPath);
// scanner.mjs makes a temp folder when it loads; graceful cleanup removes it when this exits.
scannerRequire('tmp').setGracefulCleanup();
const glob = scannerRequire('fast-glob');
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(scannerPath);

/** The patterns the scanner lints a downloaded tarball with (not exported: read from its source). */
function tarballPatterns() {
	const source = fs.readFileSync(scannerPath, 'utf8');
	const match = /analyzePackage\(\s*packageDir\s*,\s*(\[[^\]]*\])\s*\)/.exec(source);
	if (!match) {
		throw new Error(
			`${scannerPath} no longer calls analyzePackage(packageDir, [...]) for the tarball: ` +
				'read the new scanner and update scripts/verify/scan.mjs',
		);
	}
	return JSON.parse(match[1].replace(/'/g, '"'));
}

/** analyzePackage's own default patterns (used when it is called without any). */
function defaultPatterns() {
	const match = /analyzePackage\s*=\s*async\s*\(\s*packageDir\s*,\s*filePatterns\s*=\s*(\[[^\]]*\])/.exec(
		fs.readFileSync(scannerPath, 'utf8'),
	);
	if (!match) throw new Error(`${scannerPath}: analyzePackage has no default patterns any more`);
	return JSON.parse(match[1].replace(/'/g, '"'));
}

function packInto(dir) {
	const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
	for (const file of [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])]) {
		if (!fs.existsSync(path.join(root, file))) {
			throw new Error(`${file} (named in package.json "n8n") is missing: run \`npm run build\` first`);
		}
	}
	const out = execFileSync('npm', ['pack', '--json', '--pack-destination', dir], {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [info] = JSON.parse(out);
	const unpacked = path.join(dir, 'package');
	fs.mkdirSync(unpacked);
	execFileSync('tar', ['-xzf', path.join(dir, info.filename), '-C', unpacked, '--strip-components=1']);
	return { info, unpacked };
}

async function run(label, dir, patterns) {
	const files = glob.sync(patterns, { cwd: dir, ignore: ['node_modules/**', '**/package-lock.json'] });
	const started = Date.now();
	const result = await analyzePackage(dir, patterns);
	const seconds = ((Date.now() - started) / 1000).toFixed(1);
	const verdict = result.passed ? 'passed' : `FAILED (${result.message})`;
	console.log(`${label}: ${files.length} files [${patterns.join(', ')}], ${verdict}, ${seconds} s`);
	if (!result.passed && result.details) console.log(result.details);
	return { label, files: files.length, passed: result.passed };
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'umeeting-scan-'));
let results;
try {
	console.log(
		`@n8n/scan-community-package ${scannerVersion} (analyzePackage from ${path.relative(root, scannerPath)})`,
	);
	const { info, unpacked } = packInto(work);
	console.log(`packed ${info.filename}: ${info.entryCount} files`);
	results = [
		await run('tarball (scanner tarball patterns)', unpacked, tarballPatterns()),
		await run('tarball (every .js/.ts/.json)', unpacked, defaultPatterns()),
		await run('source (SOURCE_FILE_PATTERNS)', root, SOURCE_FILE_PATTERNS),
	];
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}

const failed = results.filter((r) => !r.passed);
console.log(
	failed.length === 0
		? `scan: ${results.length} passed, 0 failed`
		: `scan: ${results.length - failed.length} passed, ${failed.length} failed (${failed.map((r) => r.label).join('; ')})`,
);
process.exitCode = failed.length === 0 ? 0 : 1;
