import fc from 'fast-check';
import { NodeOperationError, type IExecuteFunctions, type INode } from 'n8n-workflow';

import { description } from '../../nodes/UMeeting/actions/meeting/schedule.operation';
import { scheduleSchema } from '../../nodes/UMeeting/actions/meeting/schedule.schema';
import { parseParameters } from '../../nodes/UMeeting/helpers/validation';
import { checkSchedule } from '../simulator/endpoints';
import { scheduleParameters } from '../helpers/arbitraries';

// A narrow stand-in: parseParameters only asks the context for the node to attach to its error.
const node = { name: 'UMeeting', type: 'n8n-nodes-umeeting.uMeeting' } as INode;
const context = { getNode: () => node } as unknown as IExecuteFunctions;

test('10,000 generated parameter sets: a body the strict simulator accepts, or a NodeOperationError', () => {
	let accepted = 0;
	let refused = 0;
	fc.assert(
		fc.property(scheduleParameters, (parameters) => {
			let form: Record<string, string>;
			try {
				form = parseParameters(context, scheduleSchema, { ...parameters, workflowTimeZone: 'Asia/Shanghai' }, description, 0);
			} catch (error) {
				// Anything but a NodeOperationError naming a field is a bug.
				expect(error).toBeInstanceOf(NodeOperationError);
				expect((error as Error).message).toMatch(/^Invalid input in item 0: "[^"]+" /);
				refused++;
				return;
			}
			expect(() => checkSchedule({ ...form, api_key: 'k', api_secret: 's' })).not.toThrow();
			accepted++;
		}),
		{ numRuns: Number(process.env.PROPERTY_RUNS ?? 10_000) },
	);
	// Both outcomes must be common, or the generators test only one side.
	expect(accepted).toBeGreaterThan(1000);
	expect(refused).toBeGreaterThan(1000);
});
