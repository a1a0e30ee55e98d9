/**
 * axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the page as it stands. Violations are
 * collected per page so that one run lists them all.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export async function axeViolations(page: Page, label: string): Promise<string[]> {
	const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
	return results.violations.map(
		(violation) =>
			`${label}: ${violation.id} (${violation.impact}) at ${violation.nodes
				.slice(0, 3)
				.map((node) => node.target.join(' '))
				.join(' | ')}`
	);
}
