const { src, dest } = require('gulp');

// tsc emits only JavaScript; n8n also reads the icons and the codex file (*.node.json)
// from beside the compiled node and credential files.
function copyAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.node.json', 'credentials/**/*.svg'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:icons'] = copyAssets;
