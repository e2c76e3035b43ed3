import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { UMeeting } from '../../nodes/UMeeting/UMeeting.node';
import { runUMeeting, type RunResult } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';
import type { StoredMeeting } from '../simulator/meetings';

/**
 * Host secrets (start_url, token, host_key) let whoever holds them act as the meeting's host. A
 * normal node keeps them by default (a workflow may mail the start link to the host); the node as
 * an AI agent's tool leaves them out by default, since all its output reaches the model, and only
 * the workflow's author can turn them on. The service clock stands ten minutes before the test
 * meetings' start, inside the start URL's early-join window.
 */
const shanghai = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);
const { simulator, credentials } = useSimulator({ now: () => shanghai('2026-12-01 09:50:00') });

const ZONE = 'America/New_York';
const SECRETS = ['start_url', 'token', 'host_key'] as const;
const byId = (id: string) => ({ __rl: true, mode: 'id', value: id });

async function run(parameters: IDataObject, options: { asTool?: boolean } = {}): Promise<RunResult> {
	return await runUMeeting({
		credentials: credentials(),
		workflowTimeZone: ZONE,
		asTool: options.asTool,
		parameters: { resource: 'meeting', ...parameters },
	});
}

const scheduleParameters = (extra: IDataObject = {}) => ({
	operation: 'schedule',
	topic: 'Board meeting',
	meetingCapacity: 8,
	// 10:00 in Beijing, the service zone.
	startTime: '2026-11-30 21:00',
	duration: 45,
	...extra,
});

function only(result: RunResult): IDataObject {
	expect(result.error).toBeUndefined();
	expect(result.output).toHaveLength(1);
	return result.output![0].json;
}

function stored(json: IDataObject): StoredMeeting {
	const meeting = simulator.store.get(String(json.meeting_id));
	expect(meeting).toBeDefined();
	return meeting!;
}

/** A meeting booked by a normal node, with the request log cleared afterwards. */
async function bookMeeting(): Promise<StoredMeeting> {
	const meeting = stored(only(await run(scheduleParameters())));
	simulator.requests.length = 0;
	return meeting;
}

/** Asserts no host secret of the meeting appears anywhere in the output, as a field or inside any text. */
function expectNoHostSecrets(output: INodeExecutionData[], meeting: StoredMeeting) {
	for (const item of output) for (const key of SECRETS) expect(item.json).not.toHaveProperty(key);
	const text = JSON.stringify(output);
	expect(text).not.toContain(meeting.start_url);
	expect(text).not.toContain(meeting.token);
	expect(text).not.toMatch(new RegExp(`(?<!\\d)${meeting.host_key}(?!\\d)`));
	expect(text).not.toContain('zak=');
}

describe('normal node', () => {
	test("Schedule keeps start_url, token and host_key by default: the meeting's own", async () => {
		const json = only(await run(scheduleParameters()));
		const meeting = stored(json);
		expect(json).toMatchObject({
			start_url: meeting.start_url,
			token: meeting.token,
			host_key: meeting.host_key,
		});
		expect(meeting.start_url).toContain('zak=');
	});

	test('Include Host Secrets off: none of them, and nothing else is lost', async () => {
		const kept = only(await run(scheduleParameters()));
		const json = only(await run(scheduleParameters({ includeHostSecrets: false })));
		const meeting = stored(json);
		expectNoHostSecrets([{ json }], meeting);
		expect(json).toMatchObject({
			meeting_id: meeting.id,
			join_url: meeting.join_url,
			host_id: meeting.host_id,
			start_time: '2026-12-01 10:00:00',
			start_time_iso: '2026-11-30T21:00:00-05:00',
		});
		// Exactly the three keys are gone: every other field of the answer is there.
		expect(Object.keys(json).sort()).toEqual(
			Object.keys(kept)
				.filter((key) => !(SECRETS as readonly string[]).includes(key))
				.sort(),
		);
	});

	test('Get Host Token and Get Start URL work by default', async () => {
		const meeting = await bookMeeting();
		const token = only(await run({ operation: 'getToken', meetingId: byId(meeting.id) }));
		expect(token).toEqual({ meeting_id: meeting.id, host_id: meeting.host_id, token: meeting.token });
		const startUrl = only(await run({ operation: 'getStartUrl', meetingId: byId(meeting.id) }));
		expect(startUrl).toEqual({ meeting_id: meeting.id, start_url: meeting.start_url });
		expect(simulator.requests.map((r) => r.path)).toEqual([
			'/umeeting/share/token',
			'/umeeting/share/getStartUrl',
		]);
	});
});

describe('the node as an AI agent tool', () => {
	/** A share/get answer that, like the other answers, carries the host secrets. */
	function getAnswerWithSecrets(meeting: StoredMeeting) {
		simulator.injectFault(
			{
				type: 'http',
				status: 200,
				body: JSON.stringify({
					status: 200,
					message: 'OK',
					data: {
						id: meeting.id,
						topic: meeting.topic,
						start_time: meeting.start_time,
						duration: String(meeting.duration),
						join_url: meeting.join_url,
						status: '0',
						start_url: meeting.start_url,
						token: meeting.token,
						host_key: meeting.host_key,
					},
				}),
			},
			{ path: '/umeeting/share/get' },
		);
	}

	/** Each operation, its parameters, and whether it reads the booked meeting (or creates its own). */
	const READS: Array<[string, (meeting: StoredMeeting) => IDataObject, boolean]> = [
		// The same request as the meeting booked first: the tool books another only when told to.
		['Schedule', () => ({ ...scheduleParameters(), ifExists: 'bookAnother' }), false],
		[
			'Start Instant Meeting',
			() => ({ operation: 'createInstant', topic: 'Incident', meetingCapacity: 4 }),
			false,
		],
		[
			'Get',
			(meeting) => {
				getAnswerWithSecrets(meeting);
				return { operation: 'get', meetingId: byId(meeting.id) };
			},
			true,
		],
		['Get Many', () => ({ operation: 'getAll', returnAll: true }), true],
		[
			'Get History',
			(meeting) => {
				// Ended on the service's side, so that share/history lists it.
				meeting.status = 3;
				return { operation: 'getHistory', returnAll: true };
			},
			true,
		],
	];

	/** The output item of the meeting the operation is about, and that meeting as the service keeps it. */
	function described(output: INodeExecutionData[], booked: StoredMeeting, readsBooked: boolean) {
		const ids = output.map((item) => String(item.json.meeting_id));
		if (readsBooked) expect(ids).toContain(booked.id);
		else expect(ids).not.toContain(booked.id);
		const meeting = readsBooked ? booked : stored(output[0].json);
		return { meeting, json: output.find((item) => item.json.meeting_id === meeting.id)!.json };
	}

	test.each(READS)(
		'%s leaves out start_url, token and host_key by default',
		async (_name, parameters, readsBooked) => {
			const booked = await bookMeeting();
			const { output, error } = await run(parameters(booked), { asTool: true });
			expect(error).toBeUndefined();
			const { meeting, json } = described(output!, booked, readsBooked);
			expectNoHostSecrets(output!, meeting);
			expectNoHostSecrets(output!, booked);
			expect(json.meeting_id).toBe(meeting.id);
			expect(json.time_zone).toBe(ZONE);
		},
	);

	test.each(READS)(
		'%s keeps them when the workflow author turns Include Host Secrets on',
		async (name, parameters, readsBooked) => {
			const booked = await bookMeeting();
			const { output, error } = await run(
				{ ...parameters(booked), includeHostSecrets: true },
				{ asTool: true },
			);
			expect(error).toBeUndefined();
			const { meeting, json } = described(output!, booked, readsBooked);
			// The list rows of share/list and share/history carry host_key only; the other answers all three.
			const expected =
				name === 'Get Many' || name === 'Get History'
					? { host_key: meeting.host_key }
					: { start_url: meeting.start_url, token: meeting.token, host_key: meeting.host_key };
			expect(json).toMatchObject(expected);
		},
	);

	test.each([
		['getToken', 'Get Host Token'],
		['getStartUrl', 'Get Start URL'],
	])('%s fails before any request unless Include Host Secrets is on', async (operation, name) => {
		const meeting = await bookMeeting();
		const refused = await run({ operation, meetingId: byId(meeting.id) }, { asTool: true });
		expect(refused.output).toBeUndefined();
		expect(refused.error?.name).toBe('NodeOperationError');
		// The model reads only the message: it carries the description's advice.
		expect(refused.error!.message).toBe(
			`${name} is not available to an AI agent. ${refused.error!.description as string}`,
		);
		expect(refused.error!.description).toMatch(/Include Host Secrets.*Nothing was sent\./);
		expect(simulator.requests).toHaveLength(0);
		expect(JSON.stringify(refused.run)).not.toContain(meeting.token);
		expect(JSON.stringify(refused.run)).not.toContain(meeting.start_url);

		const allowed = await run(
			{ operation, meetingId: byId(meeting.id), includeHostSecrets: true },
			{ asTool: true },
		);
		const json = only(allowed);
		expect(json).toEqual(
			operation === 'getToken'
				? { meeting_id: meeting.id, host_id: meeting.host_id, token: meeting.token }
				: { meeting_id: meeting.id, start_url: meeting.start_url },
		);
		expect(simulator.requests).toHaveLength(1);
	});

	test('Get Host Token with several items: the run fails on the first, nothing is sent for any', async () => {
		const meeting = await bookMeeting();
		const { error } = await runUMeeting({
			credentials: credentials(),
			workflowTimeZone: ZONE,
			asTool: true,
			items: [{ id: meeting.id }, { id: meeting.id }],
			parameters: { resource: 'meeting', operation: 'getToken', meetingId: byId('={{ $json.id }}') },
		});
		expect(error?.name).toBe('NodeOperationError');
		expect(simulator.requests).toHaveLength(0);
	});
});

describe('Include Host Secrets cannot be driven by the model', () => {
	const definitions = new UMeeting().description.properties.filter(
		(property) => property.name === 'includeHostSecrets',
	);
	/** "resource:operation" of each place a definition is shown. */
	const placesOf = (property: INodeProperties) => {
		const show = property.displayOptions?.show ?? {};
		const resources = (show.resource ?? []) as string[];
		const operations = (show.operation ?? []) as string[];
		return resources.flatMap((resource) => operations.map((operation) => `${resource}:${operation}`));
	};
	const toolFlag = (property: INodeProperties) => property.displayOptions?.show?.['@tool'];

	test('every definition takes no expression (no $fromAI) and is a plain boolean', () => {
		expect(definitions.length).toBeGreaterThan(0);
		for (const property of definitions) {
			expect(property.noDataExpression).toBe(true);
			expect(property.type).toBe('boolean');
		}
	});

	test('each operation that has it has both definitions: on for a node, off for a tool', () => {
		const places = [...new Set(definitions.flatMap(placesOf))].sort();
		// Every meeting operation whose answer can carry a host secret (other resources may add theirs).
		expect(places.filter((place) => place.startsWith('meeting:'))).toEqual([
			'meeting:createInstant',
			'meeting:get',
			'meeting:getAll',
			'meeting:getHistory',
			'meeting:getStartUrl',
			'meeting:getToken',
			'meeting:schedule',
		]);
		for (const place of places) {
			const own = definitions.filter((property) => placesOf(property).includes(place));
			expect([place, own.map((property) => [toolFlag(property), property.default])]).toEqual([
				place,
				[
					[[false], true],
					[[true], false],
				],
			]);
		}
	});
});

describe('outputs that name the meeting', () => {
	test('Update gives no password, even when it sets one', async () => {
		const meeting = await bookMeeting();
		const json = only(
			await run({
				operation: 'update',
				meetingId: byId(meeting.id),
				updateFields: { password: 'NewPw-9931', topic: 'Board meeting (moved)' },
			}),
		);
		// The service got the password...
		expect(simulator.requestsTo('share/update')[0].form.password).toBe('NewPw-9931');
		expect(simulator.store.get(meeting.id)!.password).toBe('NewPw-9931');
		// ...the output does not repeat it.
		expect(json).not.toHaveProperty('password');
		expect(JSON.stringify(json)).not.toContain('NewPw-9931');
		expect(json).toMatchObject({ success: true, meeting_id: meeting.id, topic: 'Board meeting (moved)' });
		expect(json).not.toHaveProperty('id');
	});

	test.each<[string, IDataObject, IDataObject]>([
		['end', {}, { ended: true }],
		['delete', {}, { deleted: true }],
		['setCapacity', { meetingCapacity: 20 }, { meeting_capacity: 20 }],
	])('%s names the meeting meeting_id, not id', async (operation, extra, expected) => {
		const meeting = await bookMeeting();
		const json = only(await run({ operation, meetingId: byId(meeting.id), ...extra }));
		expect(json).toEqual({ success: true, meeting_id: meeting.id, ...expected });
		expect(json).not.toHaveProperty('id');
	});
});

describe('as a tool with host secrets off: the password and quoted secrets are withheld too', () => {
	test('Get and Get Many give no meeting password to the model; a normal node still does', async () => {
		const booked = stored(only(await run(scheduleParameters({ additionalFields: { password: 'Pw-7731' } }))));
		for (const parameters of [
			{ operation: 'get', meetingId: byId(booked.id) },
			{ operation: 'getAll', returnAll: true },
		]) {
			const { output, error } = await run(parameters, { asTool: true });
			expect(error).toBeUndefined();
			expect(output!.length).toBeGreaterThan(0);
			for (const item of output!) expect(item.json).not.toHaveProperty('password');
			expect(JSON.stringify(output)).not.toContain('Pw-7731');
		}
		expect(only(await run({ operation: 'get', meetingId: byId(booked.id) })).password).toBe('Pw-7731');
	});

	test('a service message quoting the start_url, a token and the password reaches the tool error without them', async () => {
		const booked = await bookMeeting();
		const message = `meeting busy, host must open ${booked.start_url} (token=${booked.token}, "password":"Pw-7731")`;
		for (const continueOnFail of [false, true]) {
			simulator.injectFault({ type: 'bodyStatus', status: 500, message }, { path: '/umeeting/share/get' });
			const result = await runUMeeting({
				credentials: credentials(),
				workflowTimeZone: ZONE,
				asTool: true,
				continueOnFail,
				parameters: { resource: 'meeting', operation: 'get', meetingId: byId(booked.id) },
			});
			const text = JSON.stringify([
				result.output,
				result.error?.message,
				result.error?.description,
				result.error,
			]);
			expect(text).toContain('meeting busy, host must open');
			expect(text).not.toContain(booked.start_url.split('zak=')[1]);
			expect(text).not.toContain(booked.token);
			expect(text).not.toContain('Pw-7731');
		}
		// A normal node shows the service's message as it is: its output is the author's to route.
		simulator.injectFault({ type: 'bodyStatus', status: 500, message }, { path: '/umeeting/share/get' });
		const normal = await run({ operation: 'get', meetingId: byId(booked.id) });
		expect(normal.error?.message).toContain(booked.token);
	});
});
