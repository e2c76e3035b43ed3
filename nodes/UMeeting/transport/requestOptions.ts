import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';
import { z } from 'zod';

import { wholeNumber } from '../helpers/fieldSchemas';
import { parseParameters } from '../helpers/validation';

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Five requests in flight keep a 50 ms round trip at about 100 requests a second while a 2-core
 * n8n stays responsive; users with a strict service quota add Max Requests per Second.
 */
export const DEFAULT_MAX_PARALLEL = 5;

const MAX_PARALLEL_LIMIT = 50;

const requestOptionsSchema = z.object({
	options: z
		.object({
			timeout: wholeNumber({ min: 100 }).default(DEFAULT_TIMEOUT_MS),
			maxParallel: wholeNumber({ min: 1, max: MAX_PARALLEL_LIMIT }).default(DEFAULT_MAX_PARALLEL),
			maxPerSecond: z
				.union(
					[
						z.number(),
						z
							.string()
							.regex(/^\s*\d+(\.\d+)?\s*$/)
							.transform(Number),
					],
					{
						errorMap: () => ({ message: 'must be a number of requests per second (0 for no limit)' }),
					},
				)
				.refine((n) => n >= 0 && Number.isFinite(n), 'must be 0 (no limit) or more')
				.default(0),
		})
		.passthrough()
		.default({}),
});

export type RequestOptions = z.output<typeof requestOptionsSchema>['options'];

/** Settings of how the node talks to UMeeting, shared by every operation. */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Parallel Requests',
			name: 'maxParallel',
			type: 'number',
			default: DEFAULT_MAX_PARALLEL,
			typeOptions: { minValue: 1, maxValue: MAX_PARALLEL_LIMIT, numberPrecision: 0 },
			description:
				'How many items are sent to UMeeting at the same time (1 to 50). Output order and item pairing stay those of the input whatever order the answers come in. Use 1 to handle items strictly one after the other.',
		},
		{
			displayName: 'Max Requests per Second',
			name: 'maxPerSecond',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0 },
			description:
				'Upper bound on the requests this node starts per second, retries and paging included; 0 for no limit. The API family this service derives from allowed 10 per second.',
		},
		{
			displayName: 'Request Timeout (Ms)',
			name: 'timeout',
			type: 'number',
			default: DEFAULT_TIMEOUT_MS,
			typeOptions: { minValue: 100, numberPrecision: 0 },
			description:
				'How long to wait for UMeeting to answer one request, in milliseconds. A request that times out is not sent again, since the service may still have acted on it.',
		},
	],
};

/** The Options of one item, checked like every other parameter. */
export function readRequestOptions(context: IExecuteFunctions, itemIndex: number): RequestOptions {
	const options = context.getNodeParameter('options', itemIndex, {});
	return parseParameters(context, requestOptionsSchema, { options }, [requestOptionsProperty], itemIndex)
		.options;
}

/**
 * Spaces requests so that no more than `perSecond` start in any second, across every item and
 * retry of one node run. Waiting uses n8n's own sleep (community nodes may not use timers).
 */
export class RequestPacer {
	private nextSlot = 0;

	constructor(private readonly perSecond: number) {}

	async acquire(): Promise<void> {
		if (this.perSecond <= 0) return;
		const now = Date.now();
		const slot = Math.max(now, this.nextSlot);
		this.nextSlot = slot + 1000 / this.perSecond;
		if (slot > now) await sleep(slot - now);
	}
}
