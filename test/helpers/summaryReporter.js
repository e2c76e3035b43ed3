// Ends the run with one plain line, "tests: N passed, N failed", that any CI log reader understands.
class SummaryReporter {
	onRunComplete(_contexts, results) {
		const skipped = results.numPendingTests + results.numTodoTests;
		const tail = skipped ? `, ${skipped} skipped` : '';
		process.stdout.write(`tests: ${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed${tail}\n`);
	}
}

module.exports = SummaryReporter;
