import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { UMeeting } from '../../nodes/UMeeting/UMeeting.node';
import { displayFor } from '../../nodes/UMeeting/helpers/displayFor';

// The two start-up shortcuts the node takes (helpers/displayFor.ts, helpers/byLabel.ts) must give
// the editor exactly what n8n's own helper and a locale-aware sort would.

const shown = { show: { resource: ['meeting'], operation: ['schedule'] } };

test('displayFor gives what n8n-workflow updateDisplayOptions gives, own conditions kept', () => {
	const fields: INodeProperties[] = [
		{ displayName: 'Plain', name: 'plain', type: 'string', default: '' },
		{
			displayName: 'With Own',
			name: 'withOwn',
			type: 'string',
			default: '',
			displayOptions: { show: { mode: ['list'] }, hide: { returnAll: [true] } },
		},
		{
			displayName: 'Hidden Only',
			name: 'hiddenOnly',
			type: 'string',
			default: '',
			displayOptions: { hide: { simple: [false] } },
		},
	];
	expect(displayFor(shown, fields)).toEqual(updateDisplayOptions(shown, fields));
	expect(displayFor({ hide: { resource: ['room'] } }, fields)).toEqual(
		updateDisplayOptions({ hide: { resource: ['room'] } }, fields),
	);
});

test('displayFor leaves the given fields unchanged', () => {
	const own = { show: { mode: ['list'] } };
	const field: INodeProperties = {
		displayName: 'A',
		name: 'a',
		type: 'string',
		default: '',
		displayOptions: own,
	};
	displayFor(shown, [field]);
	expect(field.displayOptions).toBe(own);
	expect(own).toEqual({ show: { mode: ['list'] } });
});

/** Every list the editor shows as a dropdown or an "Add option" menu, with the labels it shows. */
function labelLists(
	properties: INodeTypeDescription['properties'],
	where: string,
): Array<[string, string[]]> {
	const lists: Array<[string, string[]]> = [];
	for (const property of properties) {
		const at = `${where} > ${property.name}`;
		const options = (property.options ?? []) as Array<{
			name?: string;
			displayName?: string;
			values?: INodeProperties[];
		}>;
		if (property.type === 'collection' || property.type === 'options' || property.type === 'multiOptions') {
			lists.push([at, options.map((option) => option.displayName ?? option.name ?? '')]);
		}
		if (property.type === 'collection') lists.push(...labelLists(options as INodeProperties[], at));
		if (property.type === 'fixedCollection') {
			for (const group of options) lists.push(...labelLists(group.values ?? [], `${at} > ${group.name}`));
		}
	}
	return lists;
}

test('every list the node sorts (resources, meeting settings) is in locale-aware alphabetical order', () => {
	const { description } = new UMeeting();
	const lists = labelLists(description.properties, description.name);
	const sorted = lists.filter(([at]) => /> (resource|additionalFields|updateFields)$/.test(at));
	expect(sorted.length).toBeGreaterThan(5);
	for (const [at, labels] of sorted) {
		expect([at, labels]).toEqual([at, [...labels].sort((a, b) => a.localeCompare(b))]);
	}
});
