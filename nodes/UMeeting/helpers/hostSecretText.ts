/**
 * Host secret text inside free text (a service message or an error quoting a start_url): the zak
 * login token of a start URL, and a token, host key or password written as `name=value`,
 * `name: value` or `"name":"value"`. Used where an AI agent reads the text and the workflow's
 * author kept host secrets out.
 */
const ZAK = /([?&;]zak=)[^&#\s"'<>]+/gi;
const NAMED = /(["']?\b(?:token|host_key|hostKey|password|zak)["']?\s*[:=]\s*["']?)[^"'&\s,;}<>]+/gi;

export function withoutHostSecretText(text: string): string {
	return text.replace(ZAK, '$1***').replace(NAMED, '$1***');
}
