import { useSimulator } from '../helpers/simulator';
import { simulatorCalls } from '../helpers/simulatorCalls';
import { MEETING_NOT_FOUND } from '../simulator';
import { INSTANT_DURATION } from '../simulator/endpoints';
import { UNKNOWN_ACCOUNT } from '../simulator/endpoints/personal';
import { PERSONAL_HOST_ID } from '../simulator/meetings';

/** An instant given as wall time in Asia/Shanghai, the simulator's default service zone. */
const shanghai = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`);

const { simulator } = useSimulator({ now: () => shanghai('2026-11-30 08:00:00') });
const { post, ok, refusal } = simulatorCalls(simulator);

const notFound = { status: 404, message: MEETING_NOT_FOUND };
const invalid = (message: string) => ({ status: 400, message });

const personal = (fields: Record<string, string> = {}) => ({
	topic: 'One-to-one',
	start_time: '2026-12-01 10:00:00',
	duration: '45',
	host_id: PERSONAL_HOST_ID,
	...fields,
});

async function schedule(fields: Record<string, string> = {}): Promise<string> {
	return (await ok('private/schedule', personal(fields))).meeting_id;
}

describe('private/schedule', () => {
	test("answers the manual's fields (no start time) and books for the account", async () => {
		const data = await ok('private/schedule', personal({ password: '2468', mute_upon_entry: 'true' }));
		expect(data).toEqual({
			host_key: expect.stringMatching(/^\d{6}$/),
			meeting_id: expect.stringMatching(/^\d{10}$/),
			join_url: `${simulator.url}/j/${data.meeting_id}`,
			host_id: PERSONAL_HOST_ID,
			token: expect.any(String),
			ready_time: 15,
			start_url: expect.stringContaining('zak='),
		});
		expect(simulator.store.personal.get(data.meeting_id)).toMatchObject({
			topic: 'One-to-one',
			start_instant: '2026-12-01T02:00:00.000Z',
			status: 0,
			type: '2',
			password: '2468',
			flags: { mute_upon_entry: true, webinar: undefined },
		});
		expect(simulator.store.created).toBe(1);
	});

	test('webinar is a flag of its own; the public-room parameters are unknown here', async () => {
		await ok('private/schedule', personal({ webinar: 'true', mute_upon_entry: 'true' }));
		expect(await refusal('private/schedule', personal({ enable_webinar: 'true' }))).toEqual(
			invalid('unknown parameter(s): enable_webinar'),
		);
	});

	test.each([
		[{ meeting_capacity: '10' }, 'unknown parameter(s): meeting_capacity'],
		[{ recurrence_type: '1' }, 'unknown parameter(s): recurrence_type'],
		[{ topic: '' }, 'topic is required'],
		[{ host_id: ' ' }, 'host_id is required'],
		[
			{ start_time: '2026-12-01T10:00:00' },
			'start_time must look like 2017-08-19 00:00:00, got "2026-12-01T10:00:00"',
		],
		[{ start_time: '2026-02-30 10:00:00' }, 'start_time is not a real date and time: "2026-02-30 10:00:00"'],
		[{ duration: '30' }, 'duration must be greater than 30, got 30'],
		[{ duration: '45.5' }, 'duration must be an integer, got "45.5"'],
		[{ webinar: 'yes' }, 'webinar must be "true" or "false", got "yes"'],
	])('%j is refused', async (fields, message) => {
		expect(await refusal('private/schedule', personal(fields))).toEqual(invalid(message));
		expect(simulator.store.created).toBe(0);
	});

	test.each(['topic', 'start_time', 'duration', 'host_id'])('without %s it is refused', async (key) => {
		const fields: Record<string, string> = personal();
		delete fields[key];
		expect(await refusal('private/schedule', fields)).toEqual(invalid(`${key} is required`));
	});

	test('only for a personal account the service knows; tests can link more', async () => {
		expect(await refusal('private/schedule', personal({ host_id: 'someone-else' }))).toEqual({
			status: 404,
			message: UNKNOWN_ACCOUNT,
		});
		simulator.store.accounts.add('someone-else');
		await ok('private/schedule', personal({ host_id: 'someone-else' }));
		simulator.reset();
		expect([...simulator.store.accounts]).toEqual([PERSONAL_HOST_ID]);
		expect(simulator.store.personal.size).toBe(0);
	});
});

describe('private/instant', () => {
	test('starts now and is in progress; no start time or ready time in the answer', async () => {
		const data = await ok('private/instant', { topic: 'Quick call', host_id: PERSONAL_HOST_ID });
		expect(Object.keys(data).sort()).toEqual(
			['host_id', 'host_key', 'join_url', 'meeting_id', 'start_url', 'token'].sort(),
		);
		expect(await ok('private/get', { meeting_id: data.meeting_id })).toMatchObject({
			start_time: '2026-11-30 08:00:00',
			duration: String(INSTANT_DURATION),
			status: '1',
		});
	});

	test('takes an optional start time and any whole duration from 1', async () => {
		const { meeting_id } = await ok('private/instant', {
			topic: 'Quick call',
			host_id: PERSONAL_HOST_ID,
			start_time: '2026-11-30 08:30:00',
			duration: '15',
		});
		expect(simulator.store.personal.get(meeting_id)).toMatchObject({
			start_time: '2026-11-30 08:30:00',
			duration: 15,
			type: '1',
		});
	});

	test.each([
		[{ duration: '0' }, 'duration out of range: 0'],
		[{ start_time: '2026-11-30' }, 'start_time must look like 2017-08-19 00:00:00, got "2026-11-30"'],
		[{ meeting_capacity: '3' }, 'unknown parameter(s): meeting_capacity'],
		[{ option_jbh: 'true' }, 'unknown parameter(s): option_jbh'],
		[{ mute_upon_entry: '1' }, 'mute_upon_entry must be "true" or "false", got "1"'],
		[{ host_id: '' }, 'host_id is required'],
	])('%j is refused', async (fields, message) => {
		expect(await refusal('private/instant', { topic: 'x', host_id: PERSONAL_HOST_ID, ...fields })).toEqual(
			invalid(message),
		);
	});
});

describe('private/get', () => {
	test('answers the documented fields, numbers as strings', async () => {
		const id = await schedule({ password: '2468' });
		expect(await ok('private/get', { meeting_id: id })).toEqual({
			duration: '45',
			start_time: '2026-12-01 10:00:00',
			del_flag: '0',
			password: '2468',
			join_url: `${simulator.url}/j/${id}`,
			topic: 'One-to-one',
			id,
			status: '0',
		});
	});

	test('refusals', async () => {
		expect(await refusal('private/get', {})).toEqual(invalid('meeting_id is required'));
		expect(await refusal('private/get', { id: '1' })).toEqual(invalid('unknown parameter(s): id'));
		expect(await refusal('private/get', { meeting_id: '1234567890' })).toEqual(notFound);
	});
});

describe('personal and public-room meetings are kept apart', () => {
	test('share/* does not know a personal meeting, nor private/* a public-room one', async () => {
		const personalId = await schedule();
		const { meeting_id: roomId } = await ok('share/schedule', {
			topic: 'Room',
			meeting_capacity: '10',
			start_time: '2026-12-01 10:00:00',
			duration: '45',
		});
		expect(await refusal('share/get', { meeting_id: personalId })).toEqual(notFound);
		expect(await refusal('share/end', { id: personalId })).toEqual(notFound);
		expect((await ok('share/list')).meetings.map((m: { id: string }) => m.id)).toEqual([roomId]);
		expect(await refusal('private/get', { meeting_id: roomId })).toEqual(notFound);
		expect(await refusal('private/delete', { id: roomId })).toEqual(notFound);
		expect(simulator.store.get(roomId)!.status).toBe(0);
		// One numbering for both: no number is given twice.
		expect(personalId).not.toBe(roomId);
	});
});

describe('private/update', () => {
	test('changes topic, start, duration, password and mute; answers without data', async () => {
		const id = await schedule();
		const body = await post('private/update', {
			id,
			topic: 'Moved',
			start_time: '2026-12-02 09:00:00',
			duration: '60',
			password: '1357',
			mute_upon_entry: 'true',
		});
		expect(body).toEqual({ status: 200, message: 'OK' });
		expect(simulator.store.personal.get(id)).toMatchObject({
			topic: 'Moved',
			start_instant: '2026-12-02T01:00:00.000Z',
			duration: 60,
			password: '1357',
			flags: { mute_upon_entry: true },
		});
	});

	test.each([
		['without topic', { topic: undefined }, 'topic is required'],
		['without start_time', { start_time: undefined }, 'start_time is required'],
		['without duration', { duration: undefined }, 'duration is required'],
		['with duration 31.0', { duration: '31.0' }, 'duration must be an integer, got "31.0"'],
		['with duration 20', { duration: '20' }, 'duration must be greater than 30, got 20'],
		['with user_key', { user_key: 'crm' }, 'unknown parameter(s): user_key'],
		['with webinar', { webinar: 'true' }, 'unknown parameter(s): webinar'],
		['with host_id', { host_id: PERSONAL_HOST_ID }, 'unknown parameter(s): host_id'],
		['with recurrence_type', { recurrence_type: '' }, 'unknown parameter(s): recurrence_type'],
	])(
		'%s it is refused and nothing changes',
		async (_label, change: Record<string, string | undefined>, message) => {
			const id = await schedule();
			const fields: Record<string, string> = {
				id,
				topic: 'New',
				start_time: '2026-12-02 09:00:00',
				duration: '60',
			};
			for (const [key, value] of Object.entries(change)) {
				if (value === undefined) delete fields[key];
				else fields[key] = value;
			}
			expect(await refusal('private/update', fields)).toEqual(invalid(message));
			expect(simulator.store.personal.get(id)!.topic).toBe('One-to-one');
		},
	);

	test('only a scheduled meeting', async () => {
		const id = await schedule();
		await ok('private/end', { id });
		const fields = { id, topic: 'x', start_time: '2026-12-02 09:00:00', duration: '60' };
		expect(await refusal('private/update', fields)).toEqual(
			invalid('only a scheduled meeting can be updated: this one has ended'),
		);
		expect(await refusal('private/update', { ...fields, id: '1234567890' })).toEqual(notFound);
	});
});

describe('private/end and private/delete', () => {
	test('end ends; a second end is refused; delete then removes the record, which stays ended', async () => {
		const id = await schedule();
		expect(await post('private/end', { id })).toEqual({ status: 200, message: 'OK' });
		expect(await refusal('private/end', { id })).toEqual(invalid('meeting has ended'));
		await ok('private/delete', { id });
		expect(await ok('private/get', { meeting_id: id })).toMatchObject({ status: '3', del_flag: '1' });
		expect(await refusal('private/delete', { id })).toEqual(invalid('meeting already deleted'));
		expect(await refusal('private/end', { id })).toEqual(invalid('meeting already deleted'));
	});

	test('delete cancels a meeting still to come; it cannot be ended afterwards', async () => {
		const id = await schedule();
		await ok('private/delete', { id });
		expect(await ok('private/get', { meeting_id: id })).toMatchObject({ status: '2', del_flag: '1' });
		expect(await refusal('private/end', { id })).toEqual(invalid('meeting already deleted'));
	});

	test('an instant meeting in progress can be ended', async () => {
		const { meeting_id: id } = await ok('private/instant', { topic: 'x', host_id: PERSONAL_HOST_ID });
		await ok('private/end', { id });
		expect(simulator.store.personal.get(id)).toMatchObject({ status: 3, deleted: false });
	});

	test.each(['private/end', 'private/delete'])('%s: strict form, known meetings only', async (path) => {
		expect(await refusal(path, {})).toEqual(invalid('id is required'));
		expect(await refusal(path, { meeting_id: '1' })).toEqual(invalid('unknown parameter(s): meeting_id'));
		expect(await refusal(path, { id: '1234567890' })).toEqual(notFound);
	});
});
