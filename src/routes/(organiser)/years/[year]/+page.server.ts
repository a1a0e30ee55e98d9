import { yearPage } from './unit-year';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => {
	const { year, years, units, view } = yearPage(event);
	return { year, years, units, view };
};
