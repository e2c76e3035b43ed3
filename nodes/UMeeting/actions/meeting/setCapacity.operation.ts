import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { wholeNumber } from '../../helpers/fieldSchemas';
import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { jsonItems, type RunInfo, type Send } from '../operation';
import { noData } from '../../meetings/answers';
import { capacityField } from './shared/meetingFields';
import { meetingLocator, meetingRef } from './shared/meetingLocator';
import { displayFor } from '../../helpers/displayFor';

const fields: INodeProperties[] = [
	meetingLocator({ description: 'The meeting whose capacity to change' }),
	capacityField('The new number of participants the meeting room admits (at least 1)'),
];

export const description = displayFor(
	{ show: { resource: ['meeting'], operation: ['setCapacity'] } },
	fields,
);

const setCapacitySchema = z.object({ meetingId: meetingRef(), meetingCapacity: wholeNumber({ min: 1 }) });

export const changesMeetings = true;

export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const { meetingId, meetingCapacity } = parseParameters(
		this,
		setCapacitySchema,
		{
			meetingId: run.parameter('meetingId', itemIndex, '', { extractValue: true }),
			meetingCapacity: run.parameter('meetingCapacity', itemIndex),
		},
		description,
		itemIndex,
	);
	return async () => {
		// The meeting number is part of this endpoint's path; meetingRef allows digits only.
		await callUMeeting.call(this, {
			endpoint: `share/resetCapacity/${meetingId}`,
			form: { meeting_capacity: String(meetingCapacity) },
			itemIndex,
			data: noData,
		});
		return jsonItems({ success: true, meeting_id: meetingId, meeting_capacity: meetingCapacity });
	};
}
