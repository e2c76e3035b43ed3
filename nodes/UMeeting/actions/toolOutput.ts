import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * Tool Output: what an AI agent's tool answers with. Every field of an answer costs the model
 * tokens on every later turn of the conversation, and a meeting carries some thirty fields of
 * which an agent needs a handful, so a tool answers simplified by default (n8n's guideline for
 * nodes with more than ten output fields). Neither field takes an expression, so a model cannot
 * widen the answer through $fromAI: it stays the workflow author's choice.
 */
export const toolOutputFields: INodeProperties[] = [
	{
		displayName: 'Tool Output',
		name: 'toolOutput',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { '@tool': [true] } },
		options: [
			{
				name: 'All Fields',
				value: 'all',
				description: 'Every field the operation outputs',
			},
			{
				name: 'Selected Fields',
				value: 'selected',
				description: 'Only the fields named in Fields',
			},
			{
				name: 'Simplified',
				value: 'simplified',
				description:
					'At every depth: no empty fields, no service bookkeeping (del_flag, a second copy of the meeting number), and no service code or service time text that has a readable twin (status_name, start_time_iso)',
			},
		],
		default: 'simplified',
		description: 'Which fields the tool answers the AI agent with',
	},
	{
		displayName: 'Fields',
		name: 'toolOutputFields',
		type: 'string',
		noDataExpression: true,
		displayOptions: { show: { '@tool': [true], toolOutput: ['selected'] } },
		default: '',
		placeholder: 'e.g. meeting_id, topic, start_time_iso, join_url',
		description: 'Comma-separated names of the output fields the tool answers with',
	},
];

export type ToolOutput = 'all' | 'selected' | 'simplified';

/** The comma-separated Fields as names; an empty list is the caller's to refuse. */
export function selectedFieldNames(text: string): string[] {
	return text
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
}

/** Service bookkeeping an agent never acts on: the deletion flag (status_name says it). */
const BOOKKEEPING = new Set(['del_flag']);

/** One output item's fields as the tool answers them. */
export function shapeToolOutput(json: IDataObject, choice: ToolOutput, selected: string[] = []): IDataObject {
	if (choice === 'all') return json;
	if (choice === 'selected') {
		const picked: IDataObject = {};
		for (const name of selected) if (name in json) picked[name] = json[name];
		return picked;
	}
	return simplified(json);
}

/** The same rules at every depth: a room's meetings and a series' occurrences are simplified too. */
function simplified(json: IDataObject): IDataObject {
	const shaped: IDataObject = {};
	for (const [key, value] of Object.entries(json)) {
		if (value === null || value === undefined || value === '' || BOOKKEEPING.has(key)) continue;
		if (`${key}_iso` in json || `${key}_name` in json) continue;
		if (key === 'id' && value === json.meeting_id) continue;
		if (Array.isArray(value)) {
			shaped[key] = value.map((entry) => (isObject(entry) ? simplified(entry) : entry));
		} else if (isObject(value)) {
			shaped[key] = simplified(value);
		} else {
			shaped[key] = value;
		}
	}
	return shaped;
}

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
