import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { readRequestOptions } from '../transport/requestOptions';
import * as meeting from './meeting';

type Operation = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[]>;

const OPERATIONS: Record<string, Record<string, Operation>> = {
	meeting: Object.fromEntries(
		Object.entries(meeting.operations).map(([name, operation]) => [name, operation.execute]),
	),
};

/**
 * Runs the chosen operation once per input item, up to Max Parallel Requests items at a time.
 * Output keeps the input order whatever order the answers come in, and each output item is paired
 * with the item it came from. With Continue On Fail a failed item becomes an error item and the
 * others still run; without it no new item starts after a failure, the items already under way
 * finish, and the run fails with the error of the earliest failed item.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const { maxParallel } = readRequestOptions(this, 0);
	const results: INodeExecutionData[][] = [];
	const failures: Array<{ itemIndex: number; error: NodeApiError | NodeOperationError }> = [];
	let next = 0;

	const worker = async () => {
		while (next < items.length && failures.length === 0) {
			const itemIndex = next++;
			try {
				results[itemIndex] = await runItem(this, itemIndex);
			} catch (error) {
				const failure = asNodeError(this, error, itemIndex);
				if (!this.continueOnFail()) {
					failures.push({ itemIndex, error: failure });
					return;
				}
				results[itemIndex] = [
					{
						json: {
							error: failure.message,
							...(failure.description ? { description: failure.description } : {}),
						},
						pairedItem: { item: itemIndex },
					},
				];
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(maxParallel, items.length) }, worker));

	if (failures.length) throw failures.sort((a, b) => a.itemIndex - b.itemIndex)[0].error;
	return [results.flat()];
}

async function runItem(context: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const resource = context.getNodeParameter('resource', itemIndex) as string;
	const operation = context.getNodeParameter('operation', itemIndex) as string;
	const run = OPERATIONS[resource]?.[operation];
	if (!run) {
		throw new NodeOperationError(context.getNode(), `Unsupported operation "${resource}: ${operation}"`, {
			itemIndex,
		});
	}
	const data = await run.call(context, itemIndex);
	return context.helpers.constructExecutionMetaData(context.helpers.returnJsonArray(data), {
		itemData: { item: itemIndex },
	});
}

function asNodeError(context: IExecuteFunctions, error: unknown, itemIndex: number) {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}
