import type { INodeProperties } from 'n8n-workflow';

import type { RunInfo } from '../../operation';

const OPTIONS = [
	{
		name: 'Return It',
		value: 'returnIt',
		description:
			'Give the meeting already booked (marked existing: true) instead of booking it again; after a failure that leaves unknown whether UMeeting booked, look it up and give it (marked recovered: true)',
	},
	{
		name: 'Book Another',
		value: 'bookAnother',
		description: 'Always book a new meeting; after an unclear failure, fail and say to look the meeting up',
	},
];

const DESCRIPTION =
	'The same meeting: one still scheduled or running with the same topic, start, duration and User Key. Return It costs one listing of the live meetings per run, shared by all items.';

/**
 * If the Same Meeting Exists: return the meeting already booked for the same request, or book
 * another. Two definitions give two defaults, as Include Host Secrets does. As an AI agent's tool
 * it is Return It: an agent that repeats a call (after a timeout, or by mistake) must not book twice.
 * On a normal node it is Book Another, one request per booking as before; turn Return It on where
 * the same request can arrive twice (a CRM or form sending again, n8n's Retry On Fail, queue mode).
 * Neither takes an expression, so a model cannot change it through $fromAI.
 */
export const ifExistsFields: INodeProperties[] = [
	{
		displayName: 'If the Same Meeting Exists',
		name: 'ifExists',
		type: 'options',
		noDataExpression: true,
		default: 'bookAnother',
		displayOptions: { show: { '@tool': [false] } },
		options: OPTIONS,
		description: DESCRIPTION,
	},
	{
		displayName: 'If the Same Meeting Exists',
		name: 'ifExists',
		type: 'options',
		noDataExpression: true,
		default: 'returnIt',
		displayOptions: { show: { '@tool': [true] } },
		options: OPTIONS,
		description:
			"The same meeting: one still scheduled or running with the same topic, start, duration and User Key. Return It (the default here, where this node is an AI agent's tool: an agent that repeats a call must not book twice) costs one listing of the live meetings per run.",
	},
];

/** Whether this item returns the same meeting instead of booking it again; the fallback covers n8n versions without '@tool'. */
export function returnsExisting(itemIndex: number, run: RunInfo): boolean {
	return run.parameter('ifExists', itemIndex, run.asTool ? 'returnIt' : 'bookAnother') === 'returnIt';
}
