import type { INodeProperties } from 'n8n-workflow';
import { z } from 'zod';

/** A meeting number as UMeeting issues them: digits only. */
export const MEETING_ID_PATTERN = '^\\d{6,15}$';

/** The uuid of one occurrence of a recurring meeting, as the schedule answer lists them. */
export const OCCURRENCE_UUID_PATTERN = '^[A-Za-z0-9+/_-]{8,}={0,2}$';

/**
 * The meeting an operation acts on: picked from the scheduled meetings, or typed. `listed: false`
 * leaves out From List, for meetings the list endpoint does not return (those of personal accounts).
 */
export function meetingLocator(options: {
	occurrences?: boolean;
	listed?: boolean;
	description: string;
}): INodeProperties {
	const listed = options.listed ?? true;
	return {
		displayName: 'Meeting',
		name: 'meetingId',
		type: 'resourceLocator',
		default: { mode: listed ? 'list' : 'id', value: '' },
		required: true,
		description: options.description,
		modes: [
			...(listed
				? [
						{
							displayName: 'From List',
							name: 'list',
							type: 'list' as const,
							typeOptions: { searchListMethod: 'searchMeetings', searchable: true },
						},
					]
				: []),
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 1770498237',
				validation: [
					{
						type: 'regex',
						properties: {
							regex: MEETING_ID_PATTERN,
							errorMessage: 'A meeting ID is the meeting number: digits only',
						},
					},
				],
			},
			...(options.occurrences
				? [
						{
							displayName: 'Occurrence UUID',
							name: 'occurrence',
							type: 'string' as const,
							placeholder: 'e.g. 2d3l1sotx4rky8vcipkrku==',
							validation: [
								{
									type: 'regex' as const,
									properties: {
										regex: OCCURRENCE_UUID_PATTERN,
										errorMessage:
											'Use the uuid of one occurrence, from the occurrences of the schedule answer',
									},
								},
							],
						},
					]
				: []),
		],
	};
}

/** Checks the located value; the editor checks the typed modes too, but expressions bypass it. */
export function meetingRef(occurrences = false) {
	const patterns = [MEETING_ID_PATTERN, ...(occurrences ? [OCCURRENCE_UUID_PATTERN] : [])].map(
		(p) => new RegExp(p),
	);
	return z.unknown().transform((value, ctx) => {
		const text =
			typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
		if (text && patterns.some((pattern) => pattern.test(text))) return text;
		ctx.addIssue({
			code: z.ZodIssueCode.custom,
			message: occurrences
				? `must be a meeting number (digits) or the uuid of one occurrence (got ${JSON.stringify(value) ?? 'nothing'})`
				: `must be a meeting number, digits only (got ${JSON.stringify(value) ?? 'nothing'})`,
		});
		return z.NEVER;
	});
}
