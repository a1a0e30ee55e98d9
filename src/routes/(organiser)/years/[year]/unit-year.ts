import { error, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import type { AuthenticatedUser } from '$lib/server/auth/session';
import { db } from '$lib/server/db';
import { unitYear, yearUnits, type UnitYear } from '$lib/server/results/year';
import { requireOrganiser } from '$lib/server/sessions/access';

/**
 * The year in the path and the unit in `?unit=` (its name as typed on its sessions, stored in
 * NFC: an address typed by hand in another form still finds it).
 */
const yearAddress = z.object({
	year: z
		.string()
		.regex(/^\d{4}$/)
		.transform(Number),
	unit: z
		.string()
		.max(200)
		.transform((unit) => unit.normalize('NFC'))
		.nullable()
});

export interface YearPage {
	user: AuthenticatedUser;
	year: number;
	/** Years with quarters, and the year's units, for the page's navigation. */
	years: number[];
	units: string[];
	/** The unit shown: the one asked for, else the first; `null` in a year without quarters. */
	view: UnitYear | null;
}

/**
 * Organisers and administrators see the units whose quarterly appraisals they manage; a unit
 * they have none of answers 404, like one that does not exist.
 */
export function yearPage(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>): YearPage {
	const user = requireOrganiser(event);
	const address = yearAddress.safeParse({
		year: event.params.year,
		unit: event.url.searchParams.get('unit')
	});
	if (!address.success) error(404, m.error_not_found());
	const { year, unit } = address.data;
	const { years, units } = yearUnits(db(), user, year);
	if (unit !== null && !units.includes(unit)) error(404, m.error_not_found());
	const shown = unit ?? units[0];
	return {
		user,
		year,
		years,
		units,
		view: shown === undefined ? null : unitYear(db(), user, shown, year)
	};
}

/** The view an export is drawn from: a unit must be named and have quarters. */
export function exportedYear(event: Pick<RequestEvent, 'locals' | 'url' | 'params'>): UnitYear {
	return yearPage(event).view ?? error(404, m.error_not_found());
}
