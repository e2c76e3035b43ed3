import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runUMeeting } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';

/**
 * The node as an AI agent's tool answers the model: Tool Output decides which fields (simplified by
 * default), and an error names the $fromAI argument the model got wrong and says what is allowed,
 * in its message (n8n's AI Agent passes the model the message only).
 */
const { simulator, credentials } = useSimulator();

const schedule: INodeParameters = {
	resource: 'meeting',
	operation: 'schedule',
	topic: "={{ $fromAI('topic', 'Short title of the meeting', 'string') }}",
	meetingCapacity: 10,
	startTime: "={{ $fromAI('start_time', 'When the meeting starts', 'string') }}",
	duration: "={{ $fromAI('duration_minutes', 'Length in whole minutes, more than 30', 'number') }}",
};
const args = { topic: 'Sales sync', start_time: '2026-12-10 15:00', duration_minutes: 45 };

async function asTool(parameters: INodeParameters, items: IDataObject[] = [args]) {
	return await runUMeeting({
		credentials: credentials(),
		workflowTimeZone: 'America/New_York',
		asTool: true,
		parameters,
		items,
	});
}

describe('Tool Output', () => {
	test('Schedule, simplified by default: plain values, no raw service time, no secrets', async () => {
		const { output, error } = await asTool(schedule);
		expect(error).toBeUndefined();
		const json = output![0].json;
		expect(json).toMatchObject({
			start_time_iso: '2026-12-10T15:00:00-05:00',
			end_time_iso: '2026-12-10T15:45:00-05:00',
		});
		expect(typeof json.meeting_id).toBe('string');
		expect(typeof json.join_url).toBe('string');
		for (const key of ['start_time', 'start_url', 'token', 'host_key', 'password'])
			expect(json).not.toHaveProperty(key);
	});

	test('Get: All Fields keeps every field but the host secrets; Simplified leaves out what repeats or is empty', async () => {
		const booked = (await asTool(schedule)).output![0].json;
		const get = {
			resource: 'meeting',
			operation: 'get',
			meetingId: { __rl: true, mode: 'id', value: String(booked.meeting_id) },
		};
		const all = (await asTool({ ...get, toolOutput: 'all' })).output![0].json;
		const simplified = (await asTool(get)).output![0].json;
		expect(all).toHaveProperty('start_time');
		expect(all).toHaveProperty('status');
		expect(all).not.toHaveProperty('start_url');
		expect(simplified).toMatchObject({ topic: 'Sales sync', duration: 45, status_name: 'scheduled' });
		expect(simplified).not.toHaveProperty('start_time');
		expect(simplified).not.toHaveProperty('status');
		expect(JSON.stringify(simplified).length).toBeLessThan(JSON.stringify(all).length);
	});

	test('Selected Fields answers with the named fields only', async () => {
		const { output } = await asTool({
			...schedule,
			toolOutput: 'selected',
			toolOutputFields: ' meeting_id, join_url ,, start_time_iso',
		});
		expect(Object.keys(output![0].json).sort()).toEqual(['join_url', 'meeting_id', 'start_time_iso']);
	});

	test('Selected Fields naming no field is refused before anything is booked', async () => {
		const { error } = await asTool({ ...schedule, toolOutput: 'selected', toolOutputFields: ' , ' });
		expect(error?.name).toBe('NodeOperationError');
		expect(error!.message).toMatch(/"Fields" names none/);
		expect(simulator.store.created).toBe(0);
	});

	test('a normal node ignores Tool Output', async () => {
		const { output } = await runUMeeting({
			credentials: credentials(),
			workflowTimeZone: 'America/New_York',
			parameters: {
				...schedule,
				topic: 'Sales sync',
				startTime: '2026-12-10 15:00',
				duration: 45,
				toolOutput: 'selected',
				toolOutputFields: 'meeting_id',
			},
		});
		expect(output![0].json).toHaveProperty('start_url');
		expect(output![0].json).toHaveProperty('start_time');
	});
});

describe('tool errors, as the model reads them', () => {
	test('a wrong argument: the field, the argument, the rule and what to do, in the message', async () => {
		const { error } = await asTool(schedule, [{ ...args, duration_minutes: 20 }]);
		expect(error?.name).toBe('NodeOperationError');
		expect(error!.message).toMatch(
			/^Invalid input in item 0: "Duration \(Minutes\)" \(your argument duration_minutes\) must be .*30.*\. Fix the field and run again; nothing was sent to UMeeting\.$/,
		);
		expect(simulator.requests).toHaveLength(0);
	});

	test('a start time the node cannot read names start_time', async () => {
		const { error } = await asTool(schedule, [{ ...args, start_time: 'tomorrow at three' }]);
		expect(error!.message).toContain('"Start Time" (your argument start_time)');
	});

	test('a meeting number that is not one: the argument, the rule and what to do', async () => {
		const { error } = await asTool(
			{
				resource: 'meeting',
				operation: 'get',
				meetingId: {
					__rl: true,
					mode: 'id',
					value: "={{ $fromAI('meeting_id', 'The meeting number', 'string') }}",
				},
			},
			[{ meeting_id: '999' }],
		);
		expect(error!.message).toBe(
			'Invalid input in item 0: "Meeting" (your argument meeting_id) must be a meeting number, digits only (got "999"). Fix the field and run again; nothing was sent to UMeeting.',
		);
	});
});
