import type { IExecuteFunctions } from 'n8n-workflow';

/**
 * The zone an item's times are sent and shown in: the Time Zone field, or the workflow's zone when
 * it is blank. Call it after the item's schema accepted the field.
 */
export function itemZone(context: IExecuteFunctions, itemIndex: number): string {
	const choice = context.getNodeParameter('timeZone', itemIndex, '');
	return typeof choice === 'string' && choice.trim() !== '' ? choice.trim() : context.getTimezone();
}
