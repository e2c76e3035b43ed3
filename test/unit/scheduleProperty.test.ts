/* eslint-disable @n8n/community-nodes/no-restricted-globals -- a dev-only Node program, never packed: n8n's rules for code that runs inside n8n do not apply (README, n8n Cloud and strict mode) */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';

import { description } from '../../nodes/UMeeting/actions/meeting/schedule.operation';
import { scheduleSchema } from '../../nodes/UMeeting/actions/meeting/schedule.schema';
import { parseParameters } from '../../nodes/UMeeting/helpers/validation';
import { checkSchedule } from '../simulator/endpoints';
import { scheduleParameters, zoneName } from '../helpers/arbitraries';

// A narrow stand-in: parseParameters only asks the context for the node to attach to its error.
const node = { name: 'UMeeting', type: 'n8n-nodes-umeeting.uMeeting' } as INode;
const context = { getNode: () => node } as unknown as IExecuteFunctions;

/**
 * The instant a generated start time stands for, worked out apart from the node: a Date is one,
 * text with an offset or Z is one, other text is a wall time in the item zone. Whole seconds, as sent.
 */
function meantInstant(startTime: unknown, itemZone: string): number {
	if (startTime instanceof Date) return Math.floor(startTime.getTime() / 1000) * 1000;
	const text = String(startTime).trim().replace(' ', 'T');
	const withOffset = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i.test(text);
	const instant = withOffset
		? DateTime.fromISO(text, { setZone: true })
		: DateTime.fromISO(text, { zone: itemZone });
	return Math.floor(instant.toMillis() / 1000) * 1000;
}

test('10,000 generated parameter sets and zones: a body the strict simulator accepts, or a NodeOperationError', () => {
	let accepted = 0;
	let refused = 0;
	fc.assert(
		fc.property(scheduleParameters, zoneName, zoneName, (parameters, workflowTimeZone, serviceTimeZone) => {
			let parsed: { form: Record<string, string>; zones: { item: string; service: string } };
			try {
				parsed = parseParameters(
					context,
					scheduleSchema,
					{ ...parameters, workflowTimeZone, serviceTimeZone },
					description,
					0,
				);
			} catch (error) {
				// Anything but a NodeOperationError naming a field is a bug.
				expect(error).toBeInstanceOf(NodeOperationError);
				expect((error as Error).message).toMatch(/^Invalid input in item 0: "[^"]+" /);
				refused++;
				return;
			}
			const { form, zones } = parsed;
			expect(() => checkSchedule({ ...form, api_key: 'k', api_secret: 's' })).not.toThrow();
			// A blank Time Zone means the workflow's; the service zone is the credential's.
			const item =
				typeof parameters.timeZone === 'string' && parameters.timeZone.trim() !== ''
					? parameters.timeZone.trim()
					: workflowTimeZone;
			expect(zones).toEqual({ item, service: serviceTimeZone });
			// The service reads the start text, in its zone, as the instant the person meant.
			const read = DateTime.fromFormat(form.start_time, 'yyyy-MM-dd HH:mm:ss', { zone: serviceTimeZone });
			expect(read.toMillis()).toBe(meantInstant(parameters.startTime, item));
			accepted++;
		}),
		{ numRuns: Number(process.env.PROPERTY_RUNS ?? 10_000) },
	);
	// Both outcomes must be common, or the generators test only one side.
	expect(accepted).toBeGreaterThan(1000);
	expect(refused).toBeGreaterThan(1000);
});
