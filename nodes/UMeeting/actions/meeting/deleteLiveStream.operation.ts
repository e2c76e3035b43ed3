import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

import { parseParameters } from '../../helpers/validation';
import { callUMeeting } from '../../transport';
import { jsonItems, type RunInfo, type Send } from '../operation';
import { noData } from '../../meetings/answers';
import { displayFor } from '../../helpers/displayFor';

/** A live id as the schedule answer gives it (digits); letters, "_" and "-" are let through too. */
export const LIVE_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

const fields: INodeProperties[] = [
	{
		displayName: 'Live Stream ID',
		name: 'liveId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 12345663',
		description:
			'The live_id a meeting booked with Allow Live Streaming answers with (Schedule, Start Instant Meeting); drag it in from that output. The stream is deleted for good and the meeting loses its play and watch addresses.',
	},
];

export const description = displayFor(
	{ show: { resource: ['meeting'], operation: ['deleteLiveStream'] } },
	fields,
);

const liveIdSchema = z.object({
	liveId: z.unknown().transform((value, ctx) => {
		const text =
			typeof value === 'number' && Number.isSafeInteger(value)
				? String(value)
				: typeof value === 'string'
					? value.trim()
					: undefined;
		if (text && LIVE_ID_PATTERN.test(text)) return text;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: `must be a live_id: digits (letters, "_" and "-" allowed), at most 64 characters (got ${JSON.stringify(value) ?? 'nothing'})`,
		});
		return z.NEVER;
	}),
});

export const changesMeetings = true;

export function prepare(this: IExecuteFunctions, itemIndex: number, run: RunInfo): Send {
	const { liveId } = parseParameters(
		this,
		liveIdSchema,
		{ liveId: run.parameter('liveId', itemIndex, '') },
		description,
		itemIndex,
	);
	return async () => {
		// The live id is part of this endpoint's path; LIVE_ID_PATTERN keeps it to characters that
		// need no escaping and cannot leave the path segment.
		await callUMeeting.call(this, {
			endpoint: `live/${liveId}/delete`,
			form: {},
			itemIndex,
			data: noData,
		});
		return jsonItems({ success: true, live_id: liveId, deleted: true });
	};
}
