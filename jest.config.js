/** @type {import('jest').Config} */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	setupFiles: ['<rootDir>/test/helpers/env.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
	// n8n-core keeps timers and handles open after a workflow run; the tests do not depend on them.
	forceExit: true,
	testTimeout: 30000,
	reporters: ['default', '<rootDir>/test/helpers/summaryReporter.js'],
};
