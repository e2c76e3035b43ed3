import type { IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { z } from 'zod';

import { text, timeZoneChoice, wholeNumber } from '../helpers/fieldSchemas';
import { fieldLabel } from '../helpers/validation';
import { RECORDING_WAIT_HOURS_DEFAULT, RECORDING_WAIT_HOURS_MAX, triggerProperties } from './description';
import { TRIGGER_EVENTS, type TriggerEvent } from './events';

const settingsSchema = z.object({
	events: z
		.array(z.enum(TRIGGER_EVENTS as [TriggerEvent, ...TriggerEvent[]]), {
			errorMap: () => ({ message: `must be a list of ${TRIGGER_EVENTS.join(', ')}` }),
		})
		.min(1, 'needs at least one event'),
	userKey: text({ maxBytes: 200 }).transform((key) => key.trim()),
	timeZone: timeZoneChoice,
	options: z
		.object({
			includeHostSecrets: z.boolean().default(false),
			maxPerSecond: z.number().finite().min(0, 'must be 0 (no limit) or more').default(0),
			recordingWaitHours: wholeNumber({ min: 1, max: RECORDING_WAIT_HOURS_MAX }).default(
				RECORDING_WAIT_HOURS_DEFAULT,
			),
		})
		.passthrough()
		.default({}),
});

export interface TriggerSettings {
	events: Set<TriggerEvent>;
	/** Empty for every meeting of the account. */
	userKey: string;
	/** The node's Time Zone; undefined for the workflow's. */
	timeZone?: string;
	includeHostSecrets: boolean;
	maxPerSecond: number;
	recordingWaitMs: number;
}

/** The trigger's parameters, checked; an invalid one fails the poll before anything is sent. */
export function readSettings(context: IPollFunctions): TriggerSettings {
	const parsed = settingsSchema.safeParse({
		events: context.getNodeParameter('events', []),
		userKey: context.getNodeParameter('userKey', ''),
		timeZone: context.getNodeParameter('timeZone', ''),
		options: context.getNodeParameter('options', {}),
	});
	if (!parsed.success) {
		const problems = parsed.error.issues.map(
			(issue) => `"${fieldLabel(triggerProperties, issue.path)}" ${issue.message}`,
		);
		throw new NodeOperationError(context.getNode(), `Invalid trigger setting: ${problems[0]}`, {
			description: `Fix ${problems.length > 1 ? `these fields: ${problems.join('; ')}` : 'the field'}. Nothing was sent to UMeeting.`,
		});
	}
	const { events, userKey, timeZone, options } = parsed.data;
	return {
		events: new Set(events),
		userKey,
		timeZone,
		includeHostSecrets: options.includeHostSecrets,
		maxPerSecond: options.maxPerSecond,
		recordingWaitMs: options.recordingWaitHours * 60 * 60 * 1000,
	};
}
