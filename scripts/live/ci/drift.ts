/**
 * The drift the CI run injects into the simulator's answers, one of each kind the issue names: a
 * renamed field, a number given as text, and a field the manual does not have. Each is on its own
 * endpoint, so the report must tie each finding to the right call.
 */
type Edit = (data: unknown) => unknown;

export const DRIFT: Record<string, Edit> = {
	// The first row's meeting number renamed: the node needs `id` to tell meetings apart.
	'/umeeting/share/hisMeeting': (data) => {
		const [first, ...rest] = data as Array<Record<string, unknown>>;
		const { id, ...others } = first;
		return [{ ...others, meeting_id: id }, ...rest];
	},
	// The page size as text: the node reads it as a number.
	'/umeeting/share/list': (data) => {
		const page = data as Record<string, unknown>;
		return { ...page, page_size: String(page.page_size) };
	},
	// A field the manual does not name: the node passes it through.
	'/umeeting/licensing': (data) => ({ ...(data as Record<string, unknown>), seats: 25 }),
};

/**
 * How the report of the drifted answers must differ from that of the simulator's own: exactly these
 * lines added, and these gone (the renamed field's own finding leaves with it: the simulator gives
 * that meeting number as a number, which the node tolerates).
 */
export const EXPECTED_DRIFT = {
	added: [
		'share/hisMeeting differs [0].id: expected text or number, got missing',
		'share/hisMeeting undeclared [].meeting_id: number',
		'share/list tolerated page_size: number given as numeric text',
		'licensing undeclared seats: number',
	],
	gone: ['share/hisMeeting tolerated [].id: text given as number'],
};
