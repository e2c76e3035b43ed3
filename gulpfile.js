const { parallel, src, dest } = require('gulp');
const { bundle } = require('./scripts/build/bundle');

// What n8n loads: one file per node and credential (scripts/build/bundle.js says why).
function bundleEntryPoints() {
	return bundle();
}

// n8n also reads the icons and the codex file (*.node.json) from beside the node and credential files.
function copyAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.node.json', 'credentials/**/*.svg'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports.build = parallel(bundleEntryPoints, copyAssets);
