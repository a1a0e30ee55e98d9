/**
 * The forms of a server-rendered page, read as a browser would submit them: each form's action
 * and the fields it sends by default (text inputs, hidden inputs, checked boxes and radios, the
 * selected option, textareas, and the value of its first named submit button; a button with a
 * `formaction` makes a form of its own). SvelteKit's
 * output is regular enough for a few regular expressions.
 */
export interface PageForm {
	/** The page the form was found on. */
	page: string;
	/** Where it posts, resolved against the page: `/sessions/x?/attendance`. */
	action: string;
	/** What it sends as it stands. */
	defaults: [string, string][];
	/** Every field name it can send. */
	names: string[];
}

const ENTITIES: Record<string, string> = {
	amp: '&',
	lt: '<',
	gt: '>',
	quot: '"',
	'#39': "'",
	'#x27': "'"
};

const decode = (text: string) =>
	text.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, name: string) => ENTITIES[name] ?? '');

function attributes(tag: string): Map<string, string> {
	const found = new Map<string, string>();
	for (const match of tag.matchAll(/([\w-]+)(?:=(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
		found.set((match[1] as string).toLowerCase(), decode(match[2] ?? match[3] ?? match[4] ?? ''));
	}
	return found;
}

function resolveAction(page: string, action: string | undefined): string {
	const path = page.split('?')[0] as string;
	if (!action) return path;
	if (action.startsWith('?')) return `${path}${action}`;
	return action;
}

export function pageForms(page: string, html: string): PageForm[] {
	const forms: PageForm[] = [];
	for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
		const attrs = attributes(match[1] as string);
		if ((attrs.get('method') ?? 'get').toLowerCase() !== 'post') continue;
		const body = match[2] as string;
		const defaults: [string, string][] = [];
		const names = new Set<string>();
		for (const input of body.matchAll(/<input\b([^>]*)>/g)) {
			const field = attributes(input[1] as string);
			const name = field.get('name');
			if (!name) continue;
			names.add(name);
			const type = (field.get('type') ?? 'text').toLowerCase();
			if ((type === 'checkbox' || type === 'radio') && !field.has('checked')) continue;
			if (type === 'submit' || type === 'button' || type === 'file') continue;
			defaults.push([name, field.get('value') ?? (type === 'checkbox' ? 'on' : '')]);
		}
		for (const area of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
			const name = attributes(area[1] as string).get('name');
			if (!name) continue;
			names.add(name);
			defaults.push([name, decode(area[2] as string)]);
		}
		for (const select of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
			const name = attributes(select[1] as string).get('name');
			if (!name) continue;
			names.add(name);
			const options = [...(select[2] as string).matchAll(/<option\b([^>]*)>/g)].map((option) =>
				attributes(option[1] as string)
			);
			const chosen = options.find((option) => option.has('selected')) ?? options[0];
			defaults.push([name, chosen?.get('value') ?? '']);
		}
		const buttons = [...body.matchAll(/<button\b([^>]*)>/g)]
			.map((tag) => attributes(tag[1] as string))
			.filter((tag) => (tag.get('type') ?? 'submit') === 'submit');
		const named = buttons.find((tag) => tag.has('name') && !tag.has('formaction'));
		if (named) {
			names.add(named.get('name') as string);
			defaults.push([named.get('name') as string, named.get('value') ?? '']);
		}
		forms.push({
			page,
			action: resolveAction(page, attrs.get('action')),
			defaults,
			names: [...names]
		});
		// A button with its own formaction posts the same fields to another action.
		for (const button of buttons.filter((tag) => tag.has('formaction'))) {
			const action = resolveAction(page, button.get('formaction'));
			forms.push({ page, action, defaults: [...defaults], names: [...names] });
		}
	}
	return forms;
}

/** The action's name as the source calls it: `default` for a form without `?/name`. */
export function actionName(form: Pick<PageForm, 'action'>): string {
	return /\?\/(\w+)/.exec(form.action)?.[1] ?? 'default';
}
