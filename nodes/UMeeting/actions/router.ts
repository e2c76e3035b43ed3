import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { withoutHostSecretText } from '../helpers/hostSecretText';
import { runSession } from '../transport/session';
import { includeHostSecrets } from './meeting/shared/hostSecrets.field';
import type { RunInfo, Send } from './operation';
import { parameterReader } from './parameters';
import { RESOURCES } from './resources';
import { messageForModel, modelArguments } from './toolErrors';
import { selectedFieldNames, shapeToolOutput, type ToolOutput } from './toolOutput';

type NodeError = NodeApiError | NodeOperationError;

/**
 * Runs the chosen operation for every input item in two passes. First every item is prepared (its
 * parameters read and checked, what the check needs read from the service, its request built):
 * without Continue On Fail one invalid item fails the run before any write is sent; with it,
 * invalid items become error items. Then the prepared
 * items are sent, up to Max Parallel Requests at a time. Output keeps the input order and each output
 * item is paired with its input. When a request fails without Continue On Fail, no new item starts,
 * those under way finish, and the run fails with the earliest failure, whose description lists the
 * items already done.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = RESOURCES[resource]?.operations[operationName];
	if (!operation) {
		throw new NodeOperationError(this.getNode(), `Unsupported operation "${resource}: ${operationName}"`);
	}
	const session = await runSession(this);
	const run: RunInfo = {
		serviceTimeZone: session.serviceTimeZone,
		asTool: this.getNode().type.endsWith('Tool'),
		parameter: parameterReader(this),
		shared: new Map(),
	};

	// As an AI agent's tool with host secrets off, output and errors reach the model and its log:
	// the operations leave start_url, token and host_key out; the password and any secret quoted in
	// a text (a service message citing a start_url) are withheld here, for every operation alike.
	const forModel = (itemIndex: number) => run.asTool && !includeHostSecrets(itemIndex, run);
	const args = run.asTool ? modelArguments(this.getNode().parameters, operation.description) : [];
	const failed = (error: unknown, itemIndex: number) => {
		const failure = asNodeError(this, error, itemIndex);
		if (run.asTool) failure.message = messageForModel(failure.message, failure.description, args);
		return forModel(itemIndex) ? withoutSecretsInError(failure) : failure;
	};
	const answer = run.asTool ? toolAnswer(this, run) : undefined;

	const results: INodeExecutionData[][] = [];
	const sends: Array<Send | undefined> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			sends[itemIndex] = await operation.prepare.call(this, itemIndex, run);
		} catch (error) {
			const failure = failed(error, itemIndex);
			if (!this.continueOnFail()) throw failure;
			results[itemIndex] = errorItem(failure, itemIndex);
		}
	}

	const queue = sends.flatMap((send, itemIndex) => (send ? [itemIndex] : []));
	const failures: Array<{ itemIndex: number; error: NodeError }> = [];
	let next = 0;
	const worker = async () => {
		while (next < queue.length && failures.length === 0) {
			const itemIndex = queue[next++];
			try {
				// Every send builds its own output items, so they are paired in place rather than copied.
				const output = await sends[itemIndex]!();
				for (const item of output) {
					item.pairedItem = { item: itemIndex };
					if (answer) item.json = answer(item.json);
					if (forModel(itemIndex)) item.json = withoutSecretsInJson(item.json);
				}
				results[itemIndex] = output;
			} catch (error) {
				const failure = failed(error, itemIndex);
				if (!this.continueOnFail()) {
					failures.push({ itemIndex, error: failure });
					return;
				}
				results[itemIndex] = errorItem(failure, itemIndex);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(session.maxParallel, queue.length) }, worker));

	if (failures.length) {
		const { error } = failures.sort((a, b) => a.itemIndex - b.itemIndex)[0];
		if (operation.changesMeetings) reportDone(error, results);
		throw error;
	}
	return [results.flat()];
}

/**
 * How a tool shapes its output items (Tool Output), read once: neither field takes an expression.
 * Selected Fields without any field would answer every call with an empty object, which a model
 * cannot tell from "nothing found": refused before anything is sent.
 */
function toolAnswer(context: IExecuteFunctions, run: RunInfo): (json: IDataObject) => IDataObject {
	const choice = run.parameter('toolOutput', 0, 'simplified') as ToolOutput;
	const selected =
		choice === 'selected' ? selectedFieldNames(String(run.parameter('toolOutputFields', 0, ''))) : [];
	if (choice === 'selected' && !selected.length)
		throw new NodeOperationError(
			context.getNode(),
			'Tool Output is "Selected Fields" but "Fields" names none: list the output fields, such as meeting_id, join_url',
		);
	return (json) => shapeToolOutput(json, choice, selected);
}

/** Adds to the error which items were done before the run failed: the run's output is lost with it. */
function reportDone(error: NodeError, results: INodeExecutionData[][]) {
	const done = results.flatMap((output, itemIndex) =>
		output.flatMap((item) => {
			const { json } = item;
			if (json.error) return [];
			const link = typeof json.join_url === 'string' ? ` (join URL ${json.join_url})` : '';
			if (json.meeting_id !== undefined)
				return [`item ${itemIndex} -> meeting ${String(json.meeting_id)}${link}`];
			if (json.live_id !== undefined) return [`item ${itemIndex} -> live stream ${String(json.live_id)}`];
			return [];
		}),
	);
	const summary = done.length
		? `Already done in this run, and not undone: ${done.join('; ')}. Leave these items out (or look the meetings up) before running again.`
		: 'No other item of this run was done before the failure.';
	error.description = [error.description, summary].filter(Boolean).join(' ');
}

function errorItem(failure: NodeError, itemIndex: number): INodeExecutionData[] {
	return [
		{
			// As a tool the message already carries the description (toolErrors.ts): not twice.
			json: {
				error: failure.message,
				...(failure.description && !failure.message.includes(failure.description)
					? { description: failure.description }
					: {}),
			},
			pairedItem: { item: itemIndex },
		},
	];
}

function withoutSecretsInJson(json: IDataObject): IDataObject {
	const kept: IDataObject = {};
	for (const [key, value] of Object.entries(json)) {
		if (key === 'password') continue;
		kept[key] = typeof value === 'string' ? withoutHostSecretText(value) : value;
	}
	return kept;
}

function withoutSecretsInError(error: NodeError): NodeError {
	error.message = withoutHostSecretText(error.message);
	if (error.description) error.description = withoutHostSecretText(error.description);
	if (Array.isArray(error.messages)) error.messages = error.messages.map(withoutHostSecretText);
	if (error.stack) error.stack = withoutHostSecretText(error.stack);
	// NodeApiError keeps the service's answer details (its message among them) beside the message.
	for (const record of [error.context, error instanceof NodeApiError ? error.errorResponse : undefined]) {
		for (const [key, value] of Object.entries(record ?? {})) {
			if (typeof value === 'string') record![key] = withoutHostSecretText(value);
		}
	}
	return error;
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number): NodeError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}
