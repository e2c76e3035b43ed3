import type { INodeProperties } from 'n8n-workflow';

import type { RunInfo } from '../../operation';

const DESCRIPTION =
	'Whether the output keeps start_url, token and host_key, which let whoever holds them act as the host. Keep them for a workflow that mails the start link to the host; leave them out when the output goes to people, logs or an AI model.';

/**
 * Include Host Secrets: on for a normal node, off when the node runs as an AI agent's tool, whose
 * every output reaches the model and the conversation log. Two definitions of one parameter give
 * the two defaults; neither takes an expression, so a model cannot set it through $fromAI: it stays
 * the workflow author's choice.
 */
export const hostSecretsFields: INodeProperties[] = [
	{
		displayName: 'Include Host Secrets',
		name: 'includeHostSecrets',
		type: 'boolean',
		noDataExpression: true,
		default: true,
		displayOptions: { show: { '@tool': [false] } },
		description: DESCRIPTION,
	},
	{
		displayName: 'Include Host Secrets',
		name: 'includeHostSecrets',
		type: 'boolean',
		noDataExpression: true,
		default: false,
		displayOptions: { show: { '@tool': [true] } },
		description:
			'Whether the output keeps start_url, token and host_key, which let whoever holds them act as the host. Off by default here: this node runs as a tool of an AI agent, whose output reaches the model and its conversation log.',
	},
];

/** Whether this item's output keeps host secrets; the fallback covers n8n versions without '@tool'. */
export function includeHostSecrets(itemIndex: number, run: RunInfo): boolean {
	return run.parameter('includeHostSecrets', itemIndex, !run.asTool) === true;
}
