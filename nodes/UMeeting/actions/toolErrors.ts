import type { INodeParameters, INodeProperties, NodeParameterValueType } from 'n8n-workflow';

import { fieldLabel } from '../helpers/validation';

/** One field the model fills: the field as error texts name it and the $fromAI argument behind it. */
export interface ModelArgument {
	label: string;
	argument: string;
}

const FROM_AI = /\$fromAI\(\s*(['"`])([^'"`]+)\1/g;

/**
 * The fields of a tool's parameters that take a $fromAI argument. A resource locator's value is
 * named by the locator itself, as the error texts name it.
 */
export function modelArguments(parameters: INodeParameters, properties: INodeProperties[]): ModelArgument[] {
	const found: ModelArgument[] = [];
	const visit = (value: NodeParameterValueType | INodeParameters, path: string[]) => {
		if (typeof value === 'string') {
			for (const match of value.matchAll(FROM_AI))
				found.push({ label: fieldLabel(properties, path), argument: match[2] });
			return;
		}
		if (typeof value !== 'object' || value === null) return;
		if ('__rl' in value) return visit((value as INodeParameters).value, path);
		for (const [key, inner] of Object.entries(value))
			visit(inner as NodeParameterValueType, Array.isArray(value) ? path : [...path, key]);
	};
	visit(parameters, []);
	return found;
}

/**
 * An error as the model reads it. n8n's AI Agent passes the model only an error's message (not its
 * description), and the model knows its own arguments, not the editor's field names: the message
 * names the argument beside each field the model filled and carries the description's advice.
 */
export function messageForModel(
	message: string,
	description: string | null | undefined,
	args: ModelArgument[],
) {
	let text = message;
	for (const { label, argument } of args)
		text = text.split(`"${label}"`).join(`"${label}" (your argument ${argument})`);
	if (!description) return text;
	return `${text.replace(/\.?$/, '.')} ${description}`;
}
