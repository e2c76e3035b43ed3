import { DateTime } from 'luxon';
import type { z } from 'zod';

import { createdMeeting, noData } from '../../../nodes/UMeeting/meetings/answers';
import { SERVICE_TIME_FORMAT } from '../../../nodes/UMeeting/helpers/time';
import { PERSONAL_HOST_ID } from '../../../test/simulator/meetings';
import { send } from '../sender';
import type { LiveSettings } from '../settings';

/**
 * Gives a fresh simulator what a used account has, so that no read of the suite is skipped for
 * want of data: an ended meeting recorded to the cloud (history, reports, attendees, recordings),
 * one still to come (the live list) and a personal-account meeting (private/get). Returns the
 * personal meeting's id, which the suite takes from UMEETING_PERSONAL_MEETING_ID.
 */
export async function seedAccount(settings: LiveSettings): Promise<string> {
	const now = DateTime.now().setZone(settings.serviceTimeZone);
	const at = (hours: number) => now.plus({ hours }).startOf('minute').toFormat(SERVICE_TIME_FORMAT);
	const meeting = { meeting_capacity: '10', duration: '45' };
	const held = await post(
		'share/schedule',
		{ ...meeting, topic: 'Seeded meeting, held', start_time: at(2), recording: 'cloud' },
		createdMeeting,
	);
	await post('share/end', { id: held.meeting_id }, noData);
	await post(
		'share/schedule',
		{ ...meeting, topic: 'Seeded meeting, to come', start_time: at(26) },
		createdMeeting,
	);
	const personal = await post(
		'private/schedule',
		{ topic: 'Seeded personal meeting', host_id: PERSONAL_HOST_ID, start_time: at(30), duration: '45' },
		createdMeeting,
	);
	return personal.meeting_id;

	async function post<S extends z.ZodTypeAny>(endpoint: string, form: Record<string, string>, schema: S) {
		const outcome = await send(settings, endpoint, form, schema);
		if (outcome.kind !== 'answered' || outcome.differences.length)
			throw new Error(
				`seeding the simulator: ${endpoint} did not answer as expected (${JSON.stringify(outcome)})`,
			);
		return outcome.accepted as z.output<S>;
	}
}
