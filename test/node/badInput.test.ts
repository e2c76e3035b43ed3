import fc from 'fast-check';

import { scheduleParameters } from '../helpers/arbitraries';
import { runUMeeting } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';

const { simulator, credentials } = useSimulator();

const base = {
	resource: 'meeting',
	operation: 'schedule',
	topic: 'Review',
	meetingCapacity: 5,
	startTime: '2026-12-01T10:00:00',
	duration: 45,
};

describe('expressions that resolve to the wrong type', () => {
	test.each([
		[
			'a string for the capacity',
			{ meetingCapacity: '={{ "ten people" }}' },
			'"Meeting Capacity" must be a whole number (got "ten people")',
		],
		['an object for the topic', { topic: '={{ { name: "x" } }}' }, '"Topic" must be text (got an object)'],
		['an empty start time', { startTime: '={{ "" }}' }, '"Start Time" is required'],
		[
			'a list for the duration',
			{ duration: '={{ [45] }}' },
			'"Duration (Minutes)" must be a whole number (got a list)',
		],
		[
			'a word for a flag',
			{ additionalFields: { waitingRoom: '={{ "yes" }}' } },
			'"Additional Fields › Waiting Room" must be true or false (got "yes")',
		],
		['a number for the time zone', { timeZone: '={{ 8 }}' }, '"Time Zone" must be'],
	])('%s names the field and the item, and sends nothing', async (_name, override, message) => {
		const { error, output } = await runUMeeting({
			credentials: credentials(),
			parameters: { ...base, ...override },
		});
		expect(output).toBeUndefined();
		expect(error!.name).toBe('NodeOperationError');
		expect(error!.message).toContain(`Invalid input in item 0: ${message}`);
		expect(simulator.requests).toHaveLength(0);
	});

	test('the message names the field, the rule and the item index', async () => {
		const { error } = await runUMeeting({
			credentials: credentials(),
			items: [{ n: 3 }, { n: 'ten' }],
			parameters: { ...base, meetingCapacity: '={{ $json.n }}' },
		});
		expect(error!.name).toBe('NodeOperationError');
		expect(error!.message).toBe(
			'Invalid input in item 1: "Meeting Capacity" must be a whole number (got "ten")',
		);
		expect(error!.context?.itemIndex).toBe(1);
		// Every item is checked before any is sent: the valid item 0 was not booked either.
		expect(simulator.requests).toHaveLength(0);
	});
});

/** Turns a generated value into the expression that produces it, as a workflow would hold it. */
function expression(value: unknown): string {
	if (value === undefined) return '={{ undefined }}';
	const json = JSON.stringify(value instanceof Date ? value.toISOString() : value);
	// Base64 keeps quotes, backslashes and "}}" of the generated text out of the expression's syntax.
	return `={{ JSON.parse("${Buffer.from(json, 'utf8').toString('base64')}".base64Decode()) }}`;
}

function asExpressions(parameters: Record<string, unknown>) {
	const leaves = (object: Record<string, unknown>) =>
		Object.fromEntries(Object.entries(object).map(([key, value]) => [key, expression(value)]));
	const { additionalFields, recurrence, ...top } = parameters as {
		additionalFields?: Record<string, unknown>;
		recurrence?: { rule?: Record<string, unknown> };
	};
	return {
		...leaves(top),
		...(additionalFields ? { additionalFields: leaves(additionalFields) } : {}),
		...(recurrence?.rule ? { recurrence: { rule: leaves(recurrence.rule) } } : {}),
	};
}

// Fixed values that break a field's type never reach a node: n8n refuses such a workflow before it
// runs. Expressions can produce anything, so the generated values arrive as expressions.
test('generated parameter sets through n8n and HTTP: accepted by the strict simulator or refused before sending', async () => {
	await fc.assert(
		fc.asyncProperty(scheduleParameters, async (parameters) => {
			simulator.reset();
			const { output, error } = await runUMeeting({
				credentials: credentials(),
				workflowTimeZone: 'Asia/Shanghai',
				parameters: { resource: 'meeting', operation: 'schedule', ...asExpressions(parameters) },
			});
			if (error) {
				expect(error.name).toBe('NodeOperationError');
				expect(error.message).toMatch(/^Invalid input in item 0: "[^"]+" /);
				expect(simulator.requests).toHaveLength(0);
			} else {
				expect(simulator.requests).toHaveLength(1);
				expect(output![0].json.meeting_id).toBe(simulator.store.all()[0].id);
			}
		}),
		{ numRuns: 300 },
	);
}, 120_000);
