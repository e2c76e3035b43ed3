import { CREDENTIAL_ID } from '../../scripts/e2e/harness';

/**
 * The workflows the CLI benchmark imports into n8n. Every one starts with the same three nodes that
 * make N items (the "baseline"), so subtracting the baseline's time leaves the cost of the last node.
 */

/** What differs between the workflows: the node appended after the baseline, if any. */
export interface Variant {
	key: string;
	label: string;
	/** Whether this variant books a meeting per item (false for the baseline). */
	books: boolean;
	node?: (target: Target) => Record<string, unknown>;
}

/** Where the HTTP Request node sends its requests, with the credentials it puts in the body. */
export interface Target {
	url: string;
	apiKey: string;
	apiSecret: string;
}

const TOPIC = '=Training {{ $json.index }}';

function uMeeting(maxParallel?: number) {
	return () => ({
		name: 'UMeeting',
		type: 'n8n-nodes-umeeting.uMeeting',
		typeVersion: 1,
		parameters: {
			resource: 'meeting',
			operation: 'schedule',
			topic: TOPIC,
			meetingCapacity: 20,
			startTime: '2026-12-01T10:00:00',
			duration: 60,
			// Omitted for the default (5), so the run measures what a user gets without touching it.
			options: maxParallel === undefined ? {} : { maxParallel },
		},
		credentials: { uMeetingApi: { id: CREDENTIAL_ID, name: 'UMeeting (bench)' } },
	});
}

/** The bench-only bare-helper node, loaded by n8n from N8N_CUSTOM_EXTENSIONS (see bareNode.ts). */
function bare(maxParallel: number) {
	return () => ({
		name: 'Bare Schedule',
		type: 'CUSTOM.bareSchedule',
		typeVersion: 1,
		// The node sends the start as it is: the wall time as the service reads it.
		parameters: {
			topic: TOPIC,
			meetingCapacity: 20,
			startTime: '2026-12-01 10:00:00',
			duration: 60,
			maxParallel,
		},
		credentials: { uMeetingApi: { id: CREDENTIAL_ID, name: 'UMeeting (bench)' } },
	});
}

/** 4.3 is the newest version n8n 1.123 ships (defaultVersion in HttpRequest.node.js). */
function httpRequest(batching?: { batchSize: number; batchInterval: number }) {
	return ({ url, apiKey, apiSecret }: Target) => ({
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.3,
		parameters: {
			method: 'POST',
			url: `${url}/umeeting/share/schedule`,
			sendBody: true,
			contentType: 'form-urlencoded',
			specifyBody: 'keypair',
			bodyParameters: {
				parameters: [
					{ name: 'topic', value: TOPIC },
					{ name: 'meeting_capacity', value: '20' },
					// The node has no zone handling: the wall time goes as the service reads it.
					{ name: 'start_time', value: '2026-12-01 10:00:00' },
					{ name: 'duration', value: '60' },
					{ name: 'api_key', value: apiKey },
					{ name: 'api_secret', value: apiSecret },
				],
			},
			options: batching ? { batching: { batch: batching } } : {},
		},
	});
}

export const BASELINE: Variant = { key: 'base', label: 'baseline (make N items)', books: false };

const booking = (key: string, label: string, node: Variant['node']): Variant => ({
	key,
	label,
	books: true,
	node,
});

export const UMEETING_P1 = booking('um1', 'UMeeting maxParallel=1', uMeeting(1));
export const UMEETING_P10 = booking('um10', 'UMeeting maxParallel=10', uMeeting(10));
export const UMEETING_DEFAULT = booking('umdef', 'UMeeting (default maxParallel)', uMeeting());
export const BARE_P1 = booking('bare1', 'bare-helper node maxParallel=1', bare(1));
export const BARE_P10 = booking('bare10', 'bare-helper node maxParallel=10', bare(10));
export const HTTP_REQUEST = booking('http', 'HTTP Request (defaults)', httpRequest());
/**
 * Batching only spaces out the start of requests (it sleeps batchInterval every batchSize items and
 * never waits for answers); 10 per 50 ms keeps about 10 in flight at 50 ms latency, like maxParallel=10.
 */
export const HTTP_REQUEST_BATCHED = booking(
	'httpb',
	'HTTP Request batching 10/50ms',
	httpRequest({ batchSize: 10, batchInterval: 50 }),
);

/** n8n accepts any short id on import; a fixed 16-character one keeps the runs easy to find. */
export function workflowId(variant: Variant, items: number): string {
	return `bn${variant.key.padEnd(8, 'x')}${String(items).padStart(6, '0')}`;
}

export function buildWorkflow(variant: Variant, items: number, target: Target) {
	const nodes: Array<Record<string, unknown>> = [
		{ name: 'Manual Trigger', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} },
		{
			name: 'Make Items',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			// An expression rather than a literal array, so that the workflow stays small at 10,000 items.
			parameters: {
				mode: 'raw',
				jsonOutput: `={{ { "rows": Array.from({ length: ${items} }, (_, i) => ({ index: i })) } }}`,
				options: {},
			},
		},
		{
			name: 'Split Out',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'rows', options: {} },
		},
	];
	if (variant.node) nodes.push(variant.node(target));
	const placed = nodes.map((node, index) => ({
		...node,
		id: `b0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
		position: [index * 220, 0],
	}));
	const connections: Record<string, unknown> = {};
	for (let index = 1; index < nodes.length; index++) {
		connections[nodes[index - 1].name as string] = {
			main: [[{ node: nodes[index].name, type: 'main', index: 0 }]],
		};
	}
	return {
		id: workflowId(variant, items),
		name: `Bench: ${variant.label}, ${items} items`,
		active: false,
		nodes: placed,
		connections,
		settings: { executionOrder: 'v1', timezone: 'Asia/Shanghai' },
		pinData: {},
		tags: [],
	};
}

/** Name of the node whose output items the run is checked against. */
export function lastNodeName(variant: Variant): string {
	return variant.node ? (variant.node({ url: '', apiKey: '', apiSecret: '' }).name as string) : 'Split Out';
}
