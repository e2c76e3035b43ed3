import type { IExecuteFunctions } from 'n8n-workflow';

import { WORKFLOW_TIME_ZONE } from '../../../helpers/time';

/**
 * The Time Zone field as given: blank means the workflow's zone. The default expression is not
 * evaluated: it stands for the workflow's zone, which n8n already knows (and evaluating it once per
 * item was a large share of the node's own time per item).
 */
export function zoneChoice(context: IExecuteFunctions, itemIndex: number): unknown {
	const raw = context.getNode().parameters.timeZone;
	if (raw === undefined || raw === WORKFLOW_TIME_ZONE) return '';
	return context.getNodeParameter('timeZone', itemIndex, '');
}

/** The zone an item's times are sent and shown in. Call it after the item's schema accepted the field. */
export function itemZone(context: IExecuteFunctions, itemIndex: number): string {
	const choice = zoneChoice(context, itemIndex);
	return typeof choice === 'string' && choice.trim() !== '' ? choice.trim() : context.getTimezone();
}
