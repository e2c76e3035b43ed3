import { runUMeeting } from '../helpers/engine';
import { useSimulator } from '../helpers/simulator';

const { simulator, credentials } = useSimulator();

const required = {
	resource: 'meeting',
	operation: 'schedule',
	topic: 'Onboarding call',
	meetingCapacity: 6,
	startTime: '2026-12-01T09:30:00',
	duration: 60,
};

describe('Schedule through n8n-core against the simulator', () => {
	test('sends exactly the documented form body and outputs the response data', async () => {
		const { output, error } = await runUMeeting({
			credentials: credentials(),
			workflowTimeZone: 'Asia/Shanghai',
			parameters: required,
		});
		expect(error).toBeUndefined();

		const [request] = simulator.requestsTo('share/schedule');
		expect(simulator.requests).toHaveLength(1);
		expect(request.method).toBe('POST');
		expect(request.query).toBe('');
		expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8');
		expect(request.rawBody).toBe(
			'topic=Onboarding+call&meeting_capacity=6&start_time=2026-12-01+09%3A30%3A00&duration=60' +
				`&api_key=${simulator.apiKey}&api_secret=${simulator.apiSecret}`,
		);
		const headerText = JSON.stringify(request.headers);
		expect(headerText).not.toContain(simulator.apiSecret);
		expect(headerText).not.toContain(simulator.apiKey);

		const meeting = simulator.store.all()[0];
		// Every field of the answer, plus start and end as ISO 8601 in the item zone, and that zone.
		expect(output).toEqual([
			{
				json: {
					...meeting.data,
					start_time_iso: '2026-12-01T09:30:00+08:00',
					end_time_iso: '2026-12-01T10:30:00+08:00',
					time_zone: 'Asia/Shanghai',
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(output![0].json).toMatchObject({
			meeting_id: meeting.id,
			join_url: expect.stringMatching(/\/j\/\d{10}$/),
			start_url: expect.stringContaining('zak='),
			host_key: expect.stringMatching(/^\d{6}$/),
			token: expect.any(String),
			host_id: expect.any(String),
			ready_time: 15,
		});
	});

	test('every documented field reaches the wire with its documented name and encoding', async () => {
		const { output, error } = await runUMeeting({
			credentials: credentials(),
			parameters: {
				...required,
				topic: '季度评审 & review',
				timeZone: 'America/New_York',
				additionalFields: {
					password: '12 34',
					userKey: '销售-42',
					muteUponEntry: false,
					usePmi: false,
					hostVideo: true,
					participantsVideo: false,
					recording: 'cloud',
					hostName: 'Wang Fang',
					allowLiveStreaming: true,
					waitingRoom: true,
				},
				recurrence: {
					rule: { type: 'weekly', weeklyDays: ['tuesday', 'thursday'], endBy: 'times', endTimes: 4 },
				},
			},
		});
		expect(error).toBeUndefined();
		const [request] = simulator.requestsTo('share/schedule');
		expect(request.form).toEqual({
			topic: '季度评审 & review',
			meeting_capacity: '6',
			// 09:30 in New York is 22:30 the same day in Beijing, the service's zone.
			start_time: '2026-12-01 22:30:00',
			duration: '60',
			password: '12 34',
			user_key: '销售-42',
			mute_upon_entry: 'false',
			use_pmi: 'false',
			option_host_video: 'true',
			option_participants_video: 'false',
			recording: 'cloud',
			host_name: 'Wang Fang',
			allow_live_streaming: 'true',
			waiting_room: 'true',
			recurrence_type: '2',
			weekly_days: '2,4',
			end_times: '4',
			api_key: simulator.apiKey,
			api_secret: simulator.apiSecret,
		});
		expect(request.rawBody).toContain('topic=%E5%AD%A3%E5%BA%A6%E8%AF%84%E5%AE%A1+%26+review');
		const data = output![0].json;
		expect(data.live_id).toEqual(expect.any(String));
		expect(data.occurrences).toEqual(
			['01', '03', '08', '10'].map((day) => ({
				start_time: `2026-12-${day} 22:30:00`,
				start_time_iso: `2026-12-${day}T09:30:00-05:00`,
				end_time_iso: `2026-12-${day}T10:30:00-05:00`,
				uuid: expect.any(String),
			})),
		);
	});

	test('items drive expressions; output keeps item order and pairs each meeting with its item', async () => {
		const items = [
			{ name: 'Ada', at: '2026-12-02T08:00:00Z' },
			{ name: 'Grace', at: '2026-12-02T09:00:00+08:00' },
			{ name: 'Linus', at: '2026-12-02 11:15:00' },
		];
		const { output, error } = await runUMeeting({
			credentials: credentials(),
			workflowTimeZone: 'Asia/Shanghai',
			items,
			parameters: { ...required, topic: '=Intro with {{ $json.name }}', startTime: '={{ $json.at }}' },
		});
		expect(error).toBeUndefined();
		expect(simulator.requestsTo('share/schedule').map((r) => [r.form.topic, r.form.start_time])).toEqual([
			['Intro with Ada', '2026-12-02 16:00:00'],
			['Intro with Grace', '2026-12-02 09:00:00'],
			['Intro with Linus', '2026-12-02 11:15:00'],
		]);
		const ids = simulator.store.all().map((m) => m.id);
		expect(output!.map((o) => [o.json.meeting_id, o.pairedItem])).toEqual([
			[ids[0], { item: 0 }],
			[ids[1], { item: 1 }],
			[ids[2], { item: 2 }],
		]);
	});

	test('the time zone defaults to the workflow zone and can be changed; DateTime expressions are converted', async () => {
		const run = (timeZone: string | undefined, startTime: string) =>
			runUMeeting({
				credentials: credentials(),
				workflowTimeZone: 'America/New_York',
				parameters: { ...required, startTime, ...(timeZone ? { timeZone } : {}) },
			});
		await run(undefined, '={{ DateTime.fromISO("2026-07-01T12:00:00Z") }}');
		await run('Asia/Shanghai', '={{ DateTime.fromISO("2026-07-01T12:00:00Z") }}');
		await run('Asia/Shanghai', '2026-07-01T12:00:00');
		// DateTime values are instants: whatever the item zone, the service gets 12:00Z in Beijing time.
		expect(simulator.requestsTo('share/schedule').map((r) => r.form.start_time)).toEqual([
			'2026-07-01 20:00:00',
			'2026-07-01 20:00:00',
			'2026-07-01 12:00:00',
		]);
	});

	test('invalid input fails before any request, naming the field, the rule and the item', async () => {
		const { error, output } = await runUMeeting({
			credentials: credentials(),
			items: [{ size: 4 }, { size: 0 }],
			parameters: { ...required, meetingCapacity: '={{ $json.size }}' },
		});
		expect(output).toBeUndefined();
		// n8n-core stores the error of a run as a plain object: its name says which class was thrown.
		expect(error!.name).toBe('NodeOperationError');
		expect(error!.message).toBe('Invalid input in item 1: "Meeting Capacity" must be at least 1 (got 0)');
		expect(error!.context?.itemIndex).toBe(1);
		// Every item is checked before the first request: item 0 was valid, yet nothing was sent.
		expect(simulator.requests).toHaveLength(0);
	});

	test('a bad field inside the recurrence is named with its path', async () => {
		const { error } = await runUMeeting({
			credentials: credentials(),
			parameters: { ...required, recurrence: { rule: { type: 'weekly', weeklyDays: [], endTimes: 3 } } },
		});
		expect(error!.message).toBe(
			'Invalid input in item 0: "Recurrence › Weekdays" needs at least one weekday',
		);
		expect(simulator.requests).toHaveLength(0);
	});

	test('Continue On Fail turns a failed item into an error item and keeps going', async () => {
		const { output, error } = await runUMeeting({
			credentials: credentials(),
			continueOnFail: true,
			items: [{ d: 45 }, { d: 20 }, { d: 90 }],
			parameters: { ...required, duration: '={{ $json.d }}' },
		});
		expect(error).toBeUndefined();
		expect(output).toHaveLength(3);
		expect(output![0]).toMatchObject({ json: { meeting_id: expect.any(String) }, pairedItem: { item: 0 } });
		expect(output![1]).toEqual({
			json: {
				error: 'Invalid input in item 1: "Duration (Minutes)" must be greater than 30 (got 20)',
				description: 'Fix the field and run again; nothing was sent to UMeeting.',
			},
			pairedItem: { item: 1 },
		});
		expect(output![2]).toMatchObject({ json: { meeting_id: expect.any(String) }, pairedItem: { item: 2 } });
		expect(simulator.store.created).toBe(2);
	});

	test('Continue On Fail also covers a refusal by the service', async () => {
		simulator.injectFault(
			{ type: 'bodyStatus', status: 3001, message: 'capacity exceeds your plan' },
			{ times: 1 },
		);
		const { output } = await runUMeeting({
			credentials: credentials(),
			continueOnFail: true,
			items: [{}, {}],
			parameters: required,
		});
		expect(output![0]).toMatchObject({
			json: { error: 'UMeeting refused the request (share/schedule): capacity exceeds your plan' },
			pairedItem: { item: 0 },
		});
		expect(output![1]).toMatchObject({ json: { meeting_id: expect.any(String) }, pairedItem: { item: 1 } });
	});
});
