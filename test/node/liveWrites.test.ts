import { Recorder } from '../../scripts/live/report';
import type { LiveSettings } from '../../scripts/live/settings';
import { CONTRACT_TOPIC, checkWrites } from '../../scripts/live/writes';
import { useSimulator } from '../helpers/simulator';

const { simulator, credentials } = useSimulator();

function settings(): LiveSettings {
	return { ...credentials(), write: true };
}

const refusal = { type: 'bodyStatus', status: 500, message: 'internal error' } as const;
const contractMeetings = () => simulator.store.all().filter((meeting) => meeting.topic === CONTRACT_TOPIC);

describe('test:live --write', () => {
	it('books, reads back, updates, checks the .ics and deletes: every step passes, nothing is left', async () => {
		const recorder = new Recorder(settings());
		expect(await checkWrites(recorder, settings(), 10)).toEqual([]);
		expect(recorder.checks.map((check) => `${check.outcome} ${check.endpoint} ${check.purpose}`)).toEqual([
			'pass share/schedule book',
			'pass share/get read back',
			'pass round trip read back: as sent',
			'pass share/update update',
			'pass share/get read after update',
			'pass round trip read after update: as sent',
			'pass invitation (.ics) written from the meeting read back',
			'pass share/delete delete',
		]);
		expect(contractMeetings().map((meeting) => meeting.status)).toEqual([2]);
	});

	it('deletes the meeting it booked when a later step fails', async () => {
		simulator.injectFault(refusal, { path: '/umeeting/share/update' });
		const recorder = new Recorder(settings());
		expect(await checkWrites(recorder, settings(), 10)).toEqual([]);
		expect(recorder.checks.at(-1)).toMatchObject({
			endpoint: 'share/delete',
			purpose: 'clean up',
			outcome: 'pass',
		});
		expect(contractMeetings().map((meeting) => meeting.status)).toEqual([2]);
	});

	it('names the meeting it left behind when it cannot delete it either', async () => {
		simulator.injectFault(refusal, { path: '/umeeting/share/update' });
		simulator.injectFault(refusal, { path: '/umeeting/share/delete' });
		const recorder = new Recorder(settings());
		const leftBehind = await checkWrites(recorder, settings(), 10);
		const [booked] = contractMeetings();
		expect(booked.status).toBe(0);
		expect(leftBehind).toEqual([`meeting ${booked.id} "${CONTRACT_TOPIC}"`]);
	});
});
